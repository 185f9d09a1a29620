// Tested one code point at a time, so a class of combining marks is what is meant here.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each code point is tested alone.
const zeroWidth = /[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufe00-\ufe0f]/u;
const wide =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uff60\uffe0-\uffe6\p{Extended_Pictographic}]/u;

/**
 * How many terminal columns a line of text takes: CJK and emoji take two, combining marks
 * and joiners none. Plain ASCII, the common case, is its length.
 */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const char of text) {
    if (zeroWidth.test(char)) continue;
    width += wide.test(char) ? 2 : 1;
  }
  return width;
}
