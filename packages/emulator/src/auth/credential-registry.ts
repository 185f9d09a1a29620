import { randomBytes } from 'node:crypto';
import type { AccessKeyCredential, EmulatorData, EmulatorUser } from '../types.js';

/** Who a request acts for, once authenticated. */
export interface Principal {
  projectId: string;
  admin: boolean;
}

interface IssuedToken extends Principal {
  expiresAtMs: number;
}

/**
 * The credentials of the loaded data plus the tokens the IAM endpoint has issued. Pure
 * lookups; the decisions on a request live in `authenticate`.
 */
export class CredentialRegistry {
  readonly #tokens = new Map<string, Principal>();
  readonly #accessKeys = new Map<string, AccessKeyCredential>();
  readonly #issued = new Map<string, IssuedToken>();
  readonly users: readonly EmulatorUser[];

  constructor(data: EmulatorData) {
    for (const credential of data.credentials ?? []) {
      if ('token' in credential) {
        this.#tokens.set(credential.token, {
          projectId: credential.project_id,
          admin: credential.admin === true,
        });
      } else {
        this.#accessKeys.set(credential.access_key, credential);
      }
    }
    this.users = data.users ?? [];
  }

  /** A data-file token, or an IAM-issued one that has not expired at `nowMs`. */
  principalOfToken(token: string, nowMs: number): Principal | 'expired' | undefined {
    const known = this.#tokens.get(token);
    if (known) return known;
    const issued = this.#issued.get(token);
    if (!issued) return undefined;
    if (issued.expiresAtMs <= nowMs) {
      this.#issued.delete(token);
      return 'expired';
    }
    return issued;
  }

  accessKey(accessKey: string): AccessKeyCredential | undefined {
    return this.#accessKeys.get(accessKey);
  }

  forgetIssuedTokens(): void {
    this.#issued.clear();
  }

  /** Issues an IAM token for the user's project, valid until `expiresAtMs`. */
  issueToken(user: EmulatorUser, nowMs: number, expiresAtMs: number): string {
    const token = `MIIemu${randomBytes(32).toString('base64url')}`;
    this.#issued.set(token, { projectId: user.project_id, admin: user.admin === true, expiresAtMs });
    // Expired tokens are dropped on use; this keeps a long-running emulator from growing.
    if (this.#issued.size > 10_000) {
      for (const [t, issued] of this.#issued) if (issued.expiresAtMs <= nowMs) this.#issued.delete(t);
    }
    return token;
  }
}
