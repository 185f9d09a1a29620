import { describe, expect, it } from 'vitest';
import { keystoneProjectsResponseSchema, keystoneTokenResponseSchema } from '../src/index.js';

// Shapes as Keystone and Huawei IAM send them (a real IAM token body carries more fields,
// some of them null).
const token = {
  token: {
    expires_at: '2015-11-09T01:42:57.527363Z',
    issued_at: '2015-11-08T01:42:57.527363Z',
    methods: ['password'],
    catalog: [
      {
        id: 'c1',
        name: 'csbs',
        type: 'data-protect',
        endpoints: [
          {
            id: 'e1',
            interface: 'public',
            region: 'eu-de',
            region_id: 'eu-de',
            url: 'https://csbs.eu-de.otc.t-systems.com/v1/0123',
          },
        ],
      },
    ],
    project: { id: '0123', name: 'eu-de', domain: { id: 'd1', name: 'OTC-EU-DE-000' } },
    user: { id: 'u1', name: 'alice', domain: { id: 'd1', name: 'OTC-EU-DE-000' }, password_expires_at: null },
    roles: [{ id: 'r1', name: 'te_admin' }],
  },
};

describe('keystoneTokenResponseSchema', () => {
  it('reads a token body with its catalog and keeps unknown fields', () => {
    const parsed = keystoneTokenResponseSchema.parse(token);
    expect(parsed.token.catalog?.[0]?.endpoints[0]?.url).toBe('https://csbs.eu-de.otc.t-systems.com/v1/0123');
    expect(parsed.token.user).toMatchObject({ password_expires_at: null });
  });

  it('accepts a body without a catalog, and null where Huawei IAM sends null', () => {
    const bare = { token: { expires_at: '2026-01-01T00:00:00Z', catalog: null, project: null } };
    expect(keystoneTokenResponseSchema.safeParse(bare).success).toBe(true);
  });

  it.each([
    ['no expires_at', { token: {} }],
    ['an expires_at that is not a time', { token: { expires_at: 'tomorrow' } }],
    ['an endpoint without url', { token: { ...token.token, catalog: [{ type: 'x', endpoints: [{}] }] } }],
  ])('rejects %s', (_, body) => {
    expect(keystoneTokenResponseSchema.safeParse(body).success).toBe(false);
  });
});

describe('keystoneProjectsResponseSchema', () => {
  it('reads projects and links', () => {
    const body = {
      projects: [
        {
          id: 'p1',
          name: 'eu-de',
          domain_id: 'd1',
          enabled: true,
          parent_id: 'd1',
          is_domain: false,
          description: null,
        },
      ],
      links: { self: 'https://iam.example/v3/auth/projects', next: null, previous: null },
    };
    expect(keystoneProjectsResponseSchema.parse(body).projects[0]?.id).toBe('p1');
  });

  it('needs every project to have an id', () => {
    expect(keystoneProjectsResponseSchema.safeParse({ projects: [{ name: 'x' }] }).success).toBe(false);
  });
});
