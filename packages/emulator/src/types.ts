import type { CheckpointItem } from '@csbs-kit/models';

/** A token credential of the data file. */
export interface TokenCredential {
  token: string;
  project_id: string;
  admin?: boolean;
}

/** An AK/SK credential of the data file; `security_token` makes it a temporary one. */
export interface AccessKeyCredential {
  access_key: string;
  secret_key: string;
  project_id: string;
  admin?: boolean;
  security_token?: string;
}

export type EmulatorCredential = TokenCredential | AccessKeyCredential;

/** A user of the emulated IAM (`POST /v3/auth/tokens`); ids are derived from the names. */
export interface EmulatorUser {
  name: string;
  password: string;
  domain_name: string;
  project_id: string;
  project_name?: string;
  admin?: boolean;
}

/** The data file's contents. */
export interface EmulatorData {
  projects: Record<string, { checkpoint_items: CheckpointItem[] }>;
  credentials?: EmulatorCredential[];
  users?: EmulatorUser[];
}

export interface FaultOptions {
  /** A fixed delay, or one drawn uniformly from `min..max`, before each API response. */
  latencyMs?: number | { min: number; max: number };
  /** 0..1: the fraction of API requests answered with one of `statuses`. */
  statusRate?: number;
  /** Default `[503]`; from 429, 500, 502, 503, 504. */
  statuses?: number[];
  /** Sent as `Retry-After` on 429 and 503; default 1. */
  retryAfterSeconds?: number;
  /** 0..1: the fraction of API connections destroyed before the response ends. */
  cutRate?: number;
  /** The same seed gives the same sequence of faults. */
  seed?: number;
}

export interface EmulatorOptions {
  host?: string;
  port?: number;
  data?: EmulatorData;
  dataFile?: string;
  generate?: { count: number; seed?: number; projects?: number };
  faults?: FaultOptions;
  /** Default true: unknown tag-query body fields are a 400. */
  strict?: boolean;
  now?: () => Date;
  /** Default 1 MiB; larger bodies are a 413. */
  maxBodyBytes?: number;
  /** The body limit of `POST /__emulator/data`; default 512 MiB. */
  maxDataBodyBytes?: number;
  /** Lifetime of IAM-issued tokens; default 86400. */
  tokenTtlSeconds?: number;
  /** Entries kept in the request log (a ring buffer); default 1000. */
  requestLogSize?: number;
  /** The region of the endpoints in IAM tokens' catalog; default `eu-de`. */
  region?: string;
}

export interface DemoCredentials {
  projectId: string;
  otherProjectId: string;
  token: string;
  /** A token of the second project, for isolation tests. */
  otherToken: string;
  adminToken: string;
  accessKey: string;
  secretKey: string;
  username: string;
  password: string;
  domainName: string;
  projectName: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  /** 0 when the connection was cut before a response. */
  status: number;
  requestId: string;
  /** Request headers, lower-case names, secrets replaced by `[REDACTED]`. */
  headers: Record<string, string>;
  /** The JSON body with secrets redacted; absent without a body or past 64 KiB. */
  body?: unknown;
  /** The fault applied to this request, if any (`status=503`, `latency=200`, `cut`). */
  fault?: string;
  durationMs: number;
}

export interface RunningEmulator extends AsyncDisposable {
  readonly url: string;
  readonly port: number;
  readonly demo: DemoCredentials | undefined;
  close(): Promise<void>;
  reset(): void;
  load(data: EmulatorData): void;
  setFaults(faults: FaultOptions | undefined): void;
  requestLog(): LoggedRequest[];
}
