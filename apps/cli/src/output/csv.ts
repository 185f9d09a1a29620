/** RFC 4180 quoting: a field with a comma, a quote or a line break is quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/** A number as a spreadsheet reads it: `-1`, `+2.5`, `-3e4` are values, not formulas. */
const plainNumber = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A cell that a spreadsheet would run as a formula (OWASP "CSV Injection": a leading `=`,
 * `+`, `-`, `@`, tab or carriage return) gets a leading `'`, so `=HYPERLINK(…)` or
 * `+cmd|' /C calc'!A0` is shown as text. Plain numbers (`-1`) are left alone.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}
