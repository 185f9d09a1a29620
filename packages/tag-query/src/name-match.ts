/**
 * The `matches` rule on a backup name (spec Decisions): an empty value asks for the empty
 * name exactly; any other value is a case-insensitive substring. A missing name is `""`.
 */
export function nameMatches(value: string, name: string | null | undefined): boolean {
  const actual = name ?? '';
  if (value === '') return actual === '';
  return actual.toLowerCase().includes(value.toLowerCase());
}
