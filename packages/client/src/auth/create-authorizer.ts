import type { TransportConfig } from '../transport/execute.js';
import { AccessKeyAuthorizer } from './access-key-authorizer.js';
import { type Authorizer, TokenAuthorizer } from './authorizer.js';
import type {
  AccessKeyCredentials,
  Credentials,
  CredentialsKind,
  PasswordCredentials,
  TokenCredentials,
} from './credentials.js';
import { iamTokenFetcher } from './iam-token-request.js';
import { PasswordAuthorizer } from './password-authorizer.js';
import { TokenProvider } from './token-provider.js';

/** The authorizer for checked credentials; IAM token requests go through `transport`. */
export function createAuthorizer(
  kind: CredentialsKind,
  credentials: Credentials,
  projectId: string,
  transport: TransportConfig,
): Authorizer {
  switch (kind) {
    case 'token':
      return new TokenAuthorizer((credentials as TokenCredentials).token);
    case 'accessKey':
      return new AccessKeyAuthorizer(credentials as AccessKeyCredentials, projectId);
    case 'password': {
      const { password } = credentials as PasswordCredentials;
      return new PasswordAuthorizer(
        new TokenProvider(iamTokenFetcher(transport, { ...password }, projectId)),
      );
    }
  }
}
