/** `scheme://user:password@` inside any text: the userinfo part of a URL. */
const userinfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@]*@/gi;

/**
 * Replaces the userinfo of every URL in `text` with `****` (`http://alice:PW@host` →
 * `http://****@host`): an endpoint or auth URL may carry a password, and it is shown in
 * `config show`, errors and `--debug` lines.
 */
export function maskUrlUserinfo(text: string): string {
  return text.includes('@') ? text.replace(userinfo, '$1****@') : text;
}
