/**
 * How keys and values are written in a selector. A bare word is ASCII letters, digits and
 * `-`, `_`, `.`, `/` (the characters of stored tags, plus those of Kubernetes-style keys
 * such as `app.kubernetes.io/name`); anything else is written as a double-quoted string.
 */
export const bareWordPattern = /^[A-Za-z0-9._/-]+$/;

export function isBareWordChar(char: string): boolean {
  const c = char.charCodeAt(0);
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2d || // -
    c === 0x5f || // _
    c === 0x2e || // .
    c === 0x2f // /
  );
}

/** `"a b"` with `\\`, `\"`, `\n`, `\r`, `\t` and `\uXXXX` for other control characters. */
export function quote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** A key or value as the canonical selector writes it: bare when it can be, else quoted. */
export function spell(text: string): string {
  return bareWordPattern.test(text) ? text : quote(text);
}

/** The canonical spelling of one requirement. `values` null means "any value". */
export function spellRequirement(key: string, values: readonly string[] | null, positive: boolean): string {
  const k = spell(key);
  if (values === null || values.length === 0) return positive ? k : `!${k}`;
  if (values.length === 1) return `${k}${positive ? '=' : '!='}${spell(values[0]!)}`;
  return `${k} ${positive ? 'in' : 'notin'} (${values.map(spell).join(',')})`;
}

/** Sorts by UTF-16 code units, the same in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shortens long input in error messages. */
export function excerpt(text: string, max = 24): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
