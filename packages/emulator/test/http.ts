/** Small fetch helpers for the integration tests: every call goes over a real socket. */
export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export async function call(url: string, init: RequestInit = {}): Promise<JsonResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export function get(url: string, token?: string): Promise<JsonResponse> {
  return call(url, { headers: token === undefined ? {} : { 'X-Auth-Token': token } });
}

export function postJson(url: string, body: unknown, token?: string): Promise<JsonResponse> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== undefined) headers['X-Auth-Token'] = token;
  return call(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export const ids = (body: unknown): string[] =>
  ((body as { checkpoint_items: { id: string }[] }).checkpoint_items ?? []).map((i) => i.id);

export const errorOf = (body: unknown) => body as { error_code: string; error_msg: string };
