/**
 * Service data is untrusted: a backup name or a fail reason could carry escape sequences
 * that would repaint a terminal. Control characters (C0, DEL, C1) and the line/paragraph
 * separators are shown as `\xNN` / `\uNNNN` instead. (A shared helper is being added in
 * `output/` on another branch; this one is local to the report until they are unified.)
 */
export function escapeControl(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
