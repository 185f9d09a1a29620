import { describe, expect, it } from 'vitest';
import {
  CsbsAuthenticationError,
  CsbsBadRequestError,
  CsbsNotFoundError,
  CsbsPermissionDeniedError,
  CsbsResponseValidationError,
  CsbsValidationError,
} from '../src/index.js';
import { fixtures, item, token, useCleanups } from './support/fixtures.js';
import { sendJson } from './support/http-server.js';

const cleanups = useCleanups();
const { serve, client } = fixtures(cleanups);

describe('requests', () => {
  it('lists one page: URL, query, headers, next marker', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 200, { checkpoint_items: [item('a'), item('b')] }, { 'X-Request-Id': 'r1' }),
    );
    const page = await client(server).listCheckpointItems({
      status: 'available',
      limit: 2,
      name: 'web server',
    });
    expect(page.checkpoint_items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(page.nextMarker).toBe('b');
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    const url = new URL(request?.url ?? '', server.url);
    expect(url.pathname).toBe('/v1/proj-1/checkpoint_items');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'available',
      limit: '2',
      name: 'web server',
    });
    expect(url.search).toContain('name=web%20server');
    expect(request?.headers['x-auth-token']).toBe(token);
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['user-agent']).toMatch(/^csbs-kit-client/);
  });

  it('has no next marker after a short page', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { checkpoint_items: [item('a')] }));
    expect((await client(server).listCheckpointItems({ limit: 2 })).nextMarker).toBeUndefined();
  });

  it('keeps an endpoint path prefix', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { count: 7 }));
    const c = client(server, { endpoint: `${server.url}/gateway/csbs/` });
    expect(await c.countCheckpointItems({ status: 'error' })).toBe(7);
    expect(server.requests[0]?.url).toBe('/gateway/csbs/v1/proj-1/checkpoint_items/count?status=error');
  });

  it('gets one item, its id encoded', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { checkpoint_item: item('x/y') }));
    expect((await client(server).getCheckpointItem('x/y')).id).toBe('x/y');
    expect(server.requests[0]?.url).toBe('/v1/proj-1/checkpoint_items/x%2Fy');
  });

  it('validates locally before a byte is sent', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const c = client(server);
    await expect(c.listCheckpointItems({ limit: -1 })).rejects.toMatchObject({
      code: 'CSBS_VALIDATION_FAILED',
      issues: [{ path: 'limit', message: 'must be positive' }],
    });
    await expect(c.listCheckpointItems({ status: 'aviable' as never })).rejects.toBeInstanceOf(
      CsbsValidationError,
    );
    await expect(c.countCheckpointItems({ limit: 3 } as never)).rejects.toMatchObject({
      issues: [{ path: 'limit', message: 'unknown field' }],
    });
    await expect(c.getCheckpointItem('')).rejects.toBeInstanceOf(CsbsValidationError);
    const paginator = c.paginateCheckpointItems({ sort: 'nope:asc' });
    await expect(paginator[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(CsbsValidationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('errors', () => {
  it.each([
    [400, CsbsBadRequestError],
    [403, CsbsPermissionDeniedError],
    [404, CsbsNotFoundError],
  ])('a %d is not retried', async (status, cls) => {
    const server = await serve((_req, res) =>
      sendJson(res, status, { error_code: 'CSBS.9001', error_msg: 'nope' }, { 'X-Request-Id': 'rq-7' }),
    );
    const error = await client(server)
      .listCheckpointItems()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject({
      status,
      errorCode: 'CSBS.9001',
      errorMsg: 'nope',
      requestId: 'rq-7',
      request: { method: 'GET', url: `${server.url}/v1/proj-1/checkpoint_items` },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('a 401 with a fixed token is not retried', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 401, { code: 'APIGW.0301', message: 'bad token' }),
    );
    await expect(client(server).countCheckpointItems()).rejects.toBeInstanceOf(CsbsAuthenticationError);
    expect(server.requests).toHaveLength(1);
  });

  it('a signature error is never retried, even as a 503', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, { code: 'APIGW.0301', message: 'sig' }));
    const c = client(server, { credentials: { accessKey: 'AK', secretKey: 'SK' } });
    await expect(c.countCheckpointItems()).rejects.toMatchObject({ status: 503, errorCode: 'APIGW.0301' });
    expect(server.requests).toHaveLength(1);
  });

  it('a body of the wrong shape is a response validation error naming the field', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 200, { checkpoint_items: [item('a'), { name: 'x' }] }),
    );
    const error = await client(server)
      .listCheckpointItems()
      .catch((e: unknown) => e);
    expect(CsbsResponseValidationError.isInstance(error)).toBe(true);
    expect((error as CsbsResponseValidationError).code).toBe('CSBS_RESPONSE_INVALID');
    expect((error as CsbsResponseValidationError).issues[0]?.path).toBe('checkpoint_items[1].id');
  });

  it('a 200 that is not JSON is a response validation error', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    await expect(client(server).countCheckpointItems()).rejects.toMatchObject({
      code: 'CSBS_RESPONSE_INVALID',
      issues: [{ path: '', message: 'body is not JSON' }],
    });
  });
});
