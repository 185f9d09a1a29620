/**
 * Why `value` cannot be one segment of a request path, or `undefined` when it can. Percent
 * encoding keeps `/`, `?` and `#` inside a segment, but `.` and `..` (also as `%2e`) are
 * dot segments that a URL parser removes, so `GET /v1/p/checkpoint_items/..` would become
 * `GET /v1/p/`: those, and the empty segment, are refused.
 */
export function pathSegmentProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return 'must be a non-empty string';
  if (value === '.' || value === '..')
    return `must not be "${value}" (a dot segment would leave its place in the path)`;
  return undefined;
}

/** One path segment, percent-encoded (`a/b` → `a%2Fb`); throws on a segment `pathSegmentProblem` refuses. */
export function encodePathSegment(value: string): string {
  const problem = pathSegmentProblem(value);
  if (problem !== undefined) throw new TypeError(`path segment ${JSON.stringify(value)} ${problem}`);
  return encodeURIComponent(value);
}
