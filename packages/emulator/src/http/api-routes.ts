import { answerCount, answerGetItem, answerListing } from '../api/checkpoint-items.js';
import { answerTagQuery } from '../api/tag-query-action.js';
import { authenticate, type ReceivedRequest } from '../auth/authenticate.js';
import type { Principal } from '../auth/credential-registry.js';
import type { EmulatorCore } from '../emulator-core.js';
import { errorCodes } from '../error-codes.js';
import { EmulatorHttpError } from '../errors.js';
import { answerIam, isIamRoute } from '../iam/iam-routes.js';
import type { EmulatorState } from '../store/emulator-state.js';
import type { ItemScope } from '../store/item-scope.js';
import type { ResponseBody } from '../store/pooled-body.js';
import type { RouteName } from './router.js';

export interface ApiAnswer {
  status: number;
  body: ResponseBody;
  headers?: Record<string, string>;
  /** The request body as parsed JSON, when answering parsed it: the log need not parse it again. */
  json?: unknown;
}

export interface ApiRequest extends ReceivedRequest {
  route: RouteName;
  params: string[];
  /** The query string as received (no `?`), and parsed. */
  query: string;
  search: URLSearchParams;
  /** `http://host:port/path` of this request, for the listing's `next` link. */
  linkBase: string;
}

function parseJsonBody(body: Uint8Array): unknown {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = `body: not valid JSON (${(cause as Error).message})`;
    throw new EmulatorHttpError(400, errorCodes.invalidParameter, message, { cause });
  }
}

/** Longer requests are answered without the response cache (their keys would cost more). */
const maxCacheKeyLength = 4096;

const forbidden = (message: string) => new EmulatorHttpError(403, errorCodes.forbidden, message);

/** The project in the path must be the credential's own. */
function checkProject(principal: Principal, projectId: string): void {
  if (principal.projectId !== projectId) {
    throw forbidden(`the credential does not belong to project ${projectId}`);
  }
}

/** The backups a request may see: its project, or every project for an administrator's `all_tenants`. */
function scopeOf(
  state: EmulatorState,
  principal: Principal,
  projectId: string,
  allTenants: boolean,
): ItemScope {
  if (!allTenants) return state.project(projectId);
  if (!principal.admin) throw forbidden('all_tenants=true needs an administrator credential');
  return state.allTenants();
}

function cachedAnswer(
  state: EmulatorState,
  keyHead: string,
  key: string,
  make: () => ResponseBody,
): ResponseBody {
  return key.length > maxCacheKeyLength ? make() : state.responses.answer(keyHead + key, make);
}

/**
 * Answers the CSBS endpoints and, through `answerIam`, the IAM ones. Authentication comes first, then the
 * project check, then the request's own validation: a stranger learns nothing from a 400.
 */
export function answerApi(core: EmulatorCore, request: ApiRequest): ApiAnswer {
  const { settings } = core;
  if (isIamRoute(request.route)) return answerIam(core, { ...request, route: request.route });
  const principal = authenticate(core.state.registry, request, settings.now());
  const projectId = request.params[0] ?? '';
  checkProject(principal, projectId);
  const state = core.state;
  // Closures are made inline, per route, and never bound to a name: under tsx (the bench)
  // a named arrow is also a `__name` call, a property definition per request.
  // Identical requests get identical answers (the data does not change between loads); the
  // key holds everything an answer depends on, the caller's admin flag included.
  const keyHead = `${request.route}|${projectId}|${principal.admin}|`;
  // The query string as received keys the cache: the same text is the same request (two
  // spellings of one query are two entries, which costs a miss, never a wrong answer).
  const query = request.query;
  switch (request.route) {
    case 'tagQuery': {
      const body = request.body;
      const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
      let json: unknown;
      const answer = cachedAnswer(state, keyHead, text, () => {
        json = parseJsonBody(body);
        return answerTagQuery(state.project(projectId), json, settings.strict);
      });
      return json === undefined ? { status: 200, body: answer } : { status: 200, body: answer, json };
    }
    case 'listCheckpointItems':
      return {
        status: 200,
        body: cachedAnswer(state, keyHead, `${request.linkBase}?${query}`, () =>
          answerListing(
            (allTenants) => scopeOf(state, principal, projectId, allTenants),
            request.search,
            request.linkBase,
          ),
        ),
      };
    case 'countCheckpointItems':
      return {
        status: 200,
        body: cachedAnswer(state, keyHead, query, () =>
          answerCount((allTenants) => scopeOf(state, principal, projectId, allTenants), request.search),
        ),
      };
    case 'getCheckpointItem': {
      const id = request.params[1] ?? '';
      return {
        status: 200,
        body: cachedAnswer(state, keyHead, id, () => answerGetItem(state.project(projectId), id)),
      };
    }
    default:
      throw new EmulatorHttpError(404, errorCodes.unknownPath, 'no such endpoint');
  }
}
