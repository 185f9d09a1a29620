import { z } from 'zod';
import { text } from './lenient.js';

/*
 * The IAM (Keystone v3) answers the client reads: the token body with its service catalog,
 * and the project list. Lenient like every response schema: unknown keys pass through, and
 * only what a caller needs to act on is required.
 */

const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: 'must be a timestamp' });

const named = z.looseObject({ id: text, name: text });

/** One endpoint of a catalog entry: `{id, interface, region, region_id, url}`. */
export const keystoneEndpointSchema = z.looseObject({
  id: text,
  interface: text,
  region: text,
  region_id: text,
  url: z.string(),
});
export type KeystoneEndpoint = z.infer<typeof keystoneEndpointSchema>;

/** A service of the catalog: CSBS is `type: "data-protect"`, `name: "csbs"`. */
export const keystoneCatalogEntrySchema = z.looseObject({
  id: text,
  name: text,
  type: z.string(),
  endpoints: z.array(keystoneEndpointSchema),
});
export type KeystoneCatalogEntry = z.infer<typeof keystoneCatalogEntrySchema>;

/** The body of `POST`/`GET /v3/auth/tokens` (the token itself travels in `X-Subject-Token`). */
export const keystoneTokenResponseSchema = z.looseObject({
  token: z.looseObject({
    expires_at: timestamp,
    issued_at: timestamp.nullish(),
    methods: z.array(z.string()).nullish(),
    catalog: z.array(keystoneCatalogEntrySchema).nullish(),
    project: z.looseObject({ id: z.string(), name: text, domain: named.nullish() }).nullish(),
    user: z.looseObject({ id: text, name: text, domain: named.nullish() }).nullish(),
    roles: z.array(named).nullish(),
  }),
});
export type KeystoneTokenResponse = z.infer<typeof keystoneTokenResponseSchema>;

/** A project as `GET /v3/auth/projects` lists it. */
export const keystoneProjectSchema = z.looseObject({
  id: z.string().min(1),
  name: text,
  domain_id: text,
  description: text,
  enabled: z.boolean().nullish(),
  parent_id: text,
  is_domain: z.boolean().nullish(),
});
export type KeystoneProject = z.infer<typeof keystoneProjectSchema>;

/** `GET /v3/auth/projects`: the projects the caller's user may scope a token to. */
export const keystoneProjectsResponseSchema = z.looseObject({
  projects: z.array(keystoneProjectSchema),
  links: z.looseObject({ self: text, next: text, previous: text }).nullish(),
});
export type KeystoneProjectsResponse = z.infer<typeof keystoneProjectsResponseSchema>;
