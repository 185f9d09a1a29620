import { randomBytes } from 'node:crypto';
import type { AccessKeyCredential, EmulatorData, EmulatorUser } from '../types.js';

/** Who a request acts for, once authenticated. */
export interface Principal {
  projectId: string;
  admin: boolean;
}

/** What a token stands for: an IAM-issued one, or one of the data file (no user, no expiry). */
export interface TokenRecord extends Principal {
  user?: EmulatorUser | undefined;
  /** The IAM methods that made it (`password`, `token`); empty for a data-file token. */
  methods: readonly string[];
  issuedAtMs?: number | undefined;
  expiresAtMs?: number | undefined;
}

/**
 * The credentials of the loaded data plus the tokens the IAM endpoint has issued. Pure
 * lookups; the decisions on a request live in `authenticate` and the IAM modules.
 */
export class CredentialRegistry {
  readonly #tokens = new Map<string, TokenRecord>();
  readonly #accessKeys = new Map<string, AccessKeyCredential>();
  readonly #issued = new Map<string, TokenRecord & { expiresAtMs: number }>();
  readonly users: readonly EmulatorUser[];
  /** The projects some credential or user of the data names (with or without backups). */
  readonly credentialProjects: ReadonlySet<string>;

  constructor(data: EmulatorData) {
    const projects = new Set<string>();
    for (const credential of data.credentials ?? []) {
      projects.add(credential.project_id);
      if ('token' in credential) {
        this.#tokens.set(credential.token, {
          projectId: credential.project_id,
          admin: credential.admin === true,
          methods: [],
        });
      } else {
        this.#accessKeys.set(credential.access_key, credential);
      }
    }
    this.users = data.users ?? [];
    for (const user of this.users) projects.add(user.project_id);
    this.credentialProjects = projects;
  }

  /** A data-file token, or an IAM-issued one that has not expired at `nowMs`. */
  tokenRecord(token: string, nowMs: number): TokenRecord | 'expired' | undefined {
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

  principalOfToken(token: string, nowMs: number): Principal | 'expired' | undefined {
    return this.tokenRecord(token, nowMs);
  }

  accessKey(accessKey: string): AccessKeyCredential | undefined {
    return this.#accessKeys.get(accessKey);
  }

  /** Issues an IAM token standing for `record`, valid until `record.expiresAtMs`. */
  issueToken(record: TokenRecord & { issuedAtMs: number; expiresAtMs: number }): string {
    const token = `MIIemu${randomBytes(32).toString('base64url')}`;
    this.#issued.set(token, record);
    // Expired tokens are dropped on use; this keeps a long-running emulator from growing.
    if (this.#issued.size > 10_000) {
      for (const [t, issued] of this.#issued) {
        if (issued.expiresAtMs <= record.issuedAtMs) this.#issued.delete(t);
      }
    }
    return token;
  }
}
