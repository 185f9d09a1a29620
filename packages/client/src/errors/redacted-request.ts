/** The part of a request an error may keep: method and URL, with no credentials in it. */
export interface RedactedRequest {
  method: string;
  url: string;
}

/** Drops `user:password@` from a URL; our URLs never carry other secrets. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : new URL(url.href);
  } catch {
    return '<invalid url>';
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = '';
    parsed.password = '';
  }
  return parsed.href;
}
