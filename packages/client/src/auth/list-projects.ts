import { type KeystoneProject, keystoneProjectsResponseSchema } from '@csbs-kit/models';
import { CsbsValidationError } from '../errors/other-errors.js';
import { execute, type TransportConfig } from '../transport/execute.js';
import { parseJsonBody } from '../transport/json-body.js';
import type { Authorizer } from './authorizer.js';
import { iamUrl } from './keystone.js';

/**
 * `GET {iam}/v3/auth/projects`: Keystone's list of the projects the credential's user may
 * use. Without an IAM endpoint (a custom CSBS endpoint and no password auth) there is no
 * IAM to ask, which is the caller's to fix.
 */
export function listProjects(
  transport: TransportConfig,
  authorizer: Authorizer,
  iamEndpoint: string | undefined,
  signal: AbortSignal | undefined,
): Promise<KeystoneProject[]> {
  if (iamEndpoint === undefined) {
    throw new CsbsValidationError(
      [
        {
          path: 'iamEndpoint',
          message: 'is required for listProjects with a custom endpoint and no password auth',
        },
      ],
      { what: 'options' },
    );
  }
  return execute(
    transport,
    {
      method: 'GET',
      url: iamUrl(iamEndpoint, 'auth/projects'),
      parse: (response) => parseJsonBody(response, keystoneProjectsResponseSchema).projects,
    },
    authorizer,
    signal,
  );
}
