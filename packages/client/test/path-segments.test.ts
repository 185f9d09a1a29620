import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiUrl } from '../src/endpoint.js';
import { CsbsClient, CsbsValidationError } from '../src/index.js';
import { sendJson, startServer } from './support/http-server.js';

describe('path segments', () => {
  it('an id or project id never leaves its segment (property, through the WHATWG URL parser)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('.', '/', '%', '2', 'e', '?', '#', ' ', 'a', '\\', 'é', ';') }),
        fc.string({ unit: fc.constantFrom('.', '/', '%', '2', 'e', '?', '#', 'p') }),
        (id, projectId) => {
          fc.pre(![id, projectId].some((s) => s === '' || s === '.' || s === '..'));
          const url = new URL(apiUrl('http://127.0.0.1:1/prefix', projectId, 'checkpoint_items', id));
          expect(url.search).toBe('');
          expect(url.hash).toBe('');
          const segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
          expect(segments).toEqual(['prefix', 'v1', projectId, 'checkpoint_items', id]);
        },
      ),
    );
  });

  it.each(['', '.', '..'])('refuses the project id %j locally, naming the field', (projectId) => {
    expect(
      () => new CsbsClient({ projectId, endpoint: 'http://127.0.0.1:1', credentials: { token: 't' } }),
    ).toThrow(
      expect.objectContaining({
        name: 'CsbsValidationError',
        issues: [expect.objectContaining({ path: 'projectId' })],
      }),
    );
  });

  it('refuses the backup ids "", "." and ".." before any request, and encodes every other', async () => {
    await using server = await startServer((_req, res) =>
      sendJson(res, 200, { checkpoint_item: { id: 'x', name: 'x' } }),
    );
    const client = new CsbsClient({
      projectId: 'p',
      endpoint: server.url,
      credentials: { token: 't' },
      retry: { maxAttempts: 1 },
    });
    try {
      for (const id of ['', '.', '..']) {
        const error = await client.getCheckpointItem(id).catch((e: unknown) => e);
        expect(CsbsValidationError.isInstance(error)).toBe(true);
        expect((error as CsbsValidationError).issues[0]?.path).toBe('id');
      }
      expect(server.requests).toHaveLength(0);
      await client.getCheckpointItem('../x?y#z %2e%2e');
      expect(server.requests.map((r) => r.url)).toEqual([
        '/v1/p/checkpoint_items/..%2Fx%3Fy%23z%20%252e%252e',
      ]);
    } finally {
      await client.close();
    }
  });
});
