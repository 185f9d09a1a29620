/**
 * Characters that a terminal acts on instead of showing: C0 controls (ESC starts CSI and
 * OSC sequences that clear the screen or set the title, BEL, BS, CR…), DEL, C1 controls
 * (U+0080–U+009F; U+009B is a one-byte CSI), the line and paragraph separators (U+2028,
 * U+2029, which break a line where none is seen), and the bidi controls that reorder what
 * follows (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C: "Trojan Source").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text from the service made safe to show a person: every control and bidi override is
 * written out as `\x1b`, `\u202e`…, so it is seen rather than obeyed. Machine formats
 * (JSON, NDJSON, CSV, YAML) never pass through this; they stay exact.
 */
export function escapeControls(text: string): string {
  unsafe.lastIndex = 0;
  return unsafe.test(text) ? text.replace(unsafe, visible) : text;
}

/** As `escapeControls`, keeping line breaks (`\n`) for multi-line text such as a stack. */
export function escapeControlsKeepingLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}
