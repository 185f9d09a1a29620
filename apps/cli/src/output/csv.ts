/** RFC 4180 quoting: a field with a comma, a quote or a line break is quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}
