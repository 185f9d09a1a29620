const linksKey = '"checkpoint_items_links"';
/** Past this, the tail is not just the links: reading it would cost a second full parse. */
const maxTail = 8192;

/**
 * The marker of the `next` link, read from the end of a listing body without parsing the
 * whole body, or `undefined`. Only a guess (the links may come first, or a nested unknown
 * field may carry the same key): callers check it against the parsed page.
 */
export function peekNextMarker(bodyText: string): string | undefined {
  const at = bodyText.lastIndexOf(linksKey);
  if (at < 0 || bodyText.length - at > maxTail) return undefined;
  let links: unknown;
  try {
    links = (JSON.parse(`{${bodyText.slice(at)}`) as { checkpoint_items_links?: unknown })
      .checkpoint_items_links;
  } catch {
    return undefined;
  }
  if (!Array.isArray(links)) return undefined;
  for (const link of links) {
    const { rel, href } = (link ?? {}) as { rel?: unknown; href?: unknown };
    if (rel !== 'next' || typeof href !== 'string') continue;
    try {
      return new URL(href, 'http://placeholder').searchParams.get('marker') ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
