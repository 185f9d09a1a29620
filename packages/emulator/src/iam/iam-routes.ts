import type { ReceivedRequest } from '../auth/authenticate.js';
import { authenticate } from '../auth/authenticate.js';
import type { Principal, TokenRecord } from '../auth/credential-registry.js';
import type { EmulatorCore } from '../emulator-core.js';
import { EmulatorHttpError } from '../errors.js';
import { serviceCatalog } from './catalog.js';
import { defaultDomainName, domainIdOf, type IamProject, knownProjects } from './identity.js';
import { tokenBody } from './token-body.js';
import { allowedProjects, iamError, resolveTokenRequest } from './token-request.js';
import { versionDocument, versionsDocument } from './versions.js';

export type IamRouteName =
  | 'iamVersions'
  | 'iamVersion'
  | 'iamIssueToken'
  | 'iamValidateToken'
  | 'iamCheckToken'
  | 'iamProjects'
  | 'iamCatalog';

export const isIamRoute = (name: string): name is IamRouteName => name.startsWith('iam');

export interface IamRequest extends ReceivedRequest {
  route: IamRouteName;
  /** `http://host:port/path` of this request. */
  linkBase: string;
  search: URLSearchParams;
}

export interface IamAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch (cause) {
    throw new EmulatorHttpError(400, '400', `body: not valid JSON (${(cause as Error).message})`, {
      shape: 'iam',
      cause,
    });
  }
}

/** The caller of an IAM read: a token or an AK/SK signature, refused in IAM's error shape. */
function caller(core: EmulatorCore, request: IamRequest): Principal {
  try {
    return authenticate(core.state.registry, request, core.settings.now());
  } catch (error) {
    if (EmulatorHttpError.isInstance(error) && error.status === 401) throw iamError(401, error.message);
    throw error;
  }
}

function projectsOf(core: EmulatorCore): Map<string, IamProject> {
  const registry = core.state.registry;
  return knownProjects(
    [...Object.keys(core.state.projectSizes()), ...registry.credentialProjects],
    registry.users,
  );
}

/**
 * The Keystone v3 subset that keystoneauth/openstacksdk, gophertelekomcloud and the Huawei
 * SDKs call: version discovery, token issue (password, token), validation, the caller's
 * projects and catalog. The catalog points at the emulator as the client reached it.
 */
export function answerIam(core: EmulatorCore, request: IamRequest): IamAnswer {
  const { settings } = core;
  const baseUrl = new URL(request.linkBase).origin;
  const nowMs = settings.now().getTime();
  switch (request.route) {
    case 'iamVersions':
      return { status: 300, body: JSON.stringify(versionsDocument(baseUrl)) };
    case 'iamVersion':
      return { status: 200, body: JSON.stringify(versionDocument(baseUrl)) };
    case 'iamIssueToken': {
      const projects = projectsOf(core);
      const resolved = resolveTokenRequest(
        core.state.registry,
        projects,
        parseJson(request.body),
        single(request.headers['x-auth-token']),
        nowMs,
      );
      const expiresAtMs = Math.min(
        nowMs + settings.tokenTtlSeconds * 1000,
        resolved.inheritsExpiry ?? Infinity,
      );
      const record = { ...resolved.record, issuedAtMs: nowMs, expiresAtMs };
      const token = core.state.registry.issueToken(record);
      const withCatalog = !request.search.has('nocatalog');
      const body = tokenBody(record, {
        baseUrl,
        region: settings.region,
        project: resolved.project,
        issuedAtMs: nowMs,
        expiresAtMs,
        withCatalog,
      });
      return { status: 201, body: JSON.stringify(body), headers: { 'X-Subject-Token': token } };
    }
    case 'iamValidateToken':
    case 'iamCheckToken': {
      caller(core, request);
      const subject = single(request.headers['x-subject-token']);
      const record: TokenRecord | 'expired' | undefined =
        subject === undefined || subject === '' ? undefined : core.state.registry.tokenRecord(subject, nowMs);
      if (record === undefined || record === 'expired') {
        throw iamError(404, 'The token could not be found.');
      }
      const project = projectsOf(core).get(record.projectId) ?? {
        id: record.projectId,
        name: record.projectId,
        domainName: defaultDomainName,
      };
      const body = tokenBody(record, {
        baseUrl,
        region: settings.region,
        project,
        issuedAtMs: record.issuedAtMs ?? nowMs,
        // A data-file token never expires; it is shown as good for one more token lifetime.
        expiresAtMs: record.expiresAtMs ?? nowMs + settings.tokenTtlSeconds * 1000,
        withCatalog: !request.search.has('nocatalog'),
      });
      return { status: 200, body: JSON.stringify(body), headers: { 'X-Subject-Token': subject ?? '' } };
    }
    case 'iamProjects': {
      const principal = caller(core, request);
      const projects = allowedProjects(projectsOf(core), principal).map((p) => ({
        id: p.id,
        name: p.name,
        domain_id: domainIdOf(p.domainName),
        parent_id: domainIdOf(p.domainName),
        description: '',
        enabled: true,
        is_domain: false,
        links: { self: `${baseUrl}/v3/projects/${p.id}` },
      }));
      return {
        status: 200,
        body: JSON.stringify({ projects, links: { self: request.linkBase, next: null, previous: null } }),
      };
    }
    case 'iamCatalog': {
      const principal = caller(core, request);
      return {
        status: 200,
        body: JSON.stringify({
          catalog: serviceCatalog(baseUrl, settings.region, principal.projectId),
          links: { self: request.linkBase, next: null, previous: null },
        }),
      };
    }
  }
}
