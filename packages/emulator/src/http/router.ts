import type { IamRouteName } from '../iam/iam-routes.js';

/** Every route of the emulator, named; the server maps names to handlers. */
export type RouteName =
  | 'tagQuery'
  | 'listCheckpointItems'
  | 'countCheckpointItems'
  | 'getCheckpointItem'
  | IamRouteName
  | 'health'
  | 'reset'
  | 'loadData'
  | 'getFaults'
  | 'setFaults'
  | 'getRequests'
  | 'clearRequests';

interface RouteEntry {
  pattern: RegExp;
  methods: Readonly<Record<string, RouteName>>;
}

const segment = '([^/]+)';

// Order matters: `/checkpoint_items/count` before `/checkpoint_items/{id}`.
const routes: readonly RouteEntry[] = [
  {
    pattern: new RegExp(`^/v1/${segment}/csbs_backup/resource_instances/action$`),
    methods: { POST: 'tagQuery' },
  },
  { pattern: new RegExp(`^/v1/${segment}/checkpoint_items$`), methods: { GET: 'listCheckpointItems' } },
  {
    pattern: new RegExp(`^/v1/${segment}/checkpoint_items/count$`),
    methods: { GET: 'countCheckpointItems' },
  },
  {
    pattern: new RegExp(`^/v1/${segment}/checkpoint_items/${segment}$`),
    methods: { GET: 'getCheckpointItem' },
  },
  // Keystone v3, as the existing IAM clients call it (see iam/iam-routes.ts).
  { pattern: /^\/$/, methods: { GET: 'iamVersions' } },
  { pattern: /^\/v3\/?$/, methods: { GET: 'iamVersion' } },
  {
    pattern: /^\/v3\/auth\/tokens$/,
    methods: { POST: 'iamIssueToken', GET: 'iamValidateToken', HEAD: 'iamCheckToken' },
  },
  { pattern: /^\/v3\/auth\/projects$/, methods: { GET: 'iamProjects' } },
  { pattern: /^\/v3\/auth\/catalog$/, methods: { GET: 'iamCatalog' } },
  { pattern: /^\/__emulator\/health$/, methods: { GET: 'health' } },
  { pattern: /^\/__emulator\/reset$/, methods: { POST: 'reset' } },
  { pattern: /^\/__emulator\/data$/, methods: { POST: 'loadData' } },
  { pattern: /^\/__emulator\/faults$/, methods: { GET: 'getFaults', PUT: 'setFaults' } },
  { pattern: /^\/__emulator\/requests$/, methods: { GET: 'getRequests', DELETE: 'clearRequests' } },
];

export type RouteMatch =
  | { kind: 'route'; name: RouteName; params: string[] }
  | { kind: 'notFound' }
  | { kind: 'methodNotAllowed'; allow: string };

function decodeSegment(text: string): string {
  // Most segments (project ids, backup ids) have nothing to decode.
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function matchRoute(method: string, pathname: string): RouteMatch {
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    const name = route.methods[method];
    if (!name) return { kind: 'methodNotAllowed', allow: Object.keys(route.methods).join(', ') };
    return { kind: 'route', name, params: m.slice(1).map(decodeSegment) };
  }
  return { kind: 'notFound' };
}

export const isControlRoute = (name: RouteName): boolean =>
  name === 'health' ||
  name === 'reset' ||
  name === 'loadData' ||
  name === 'getFaults' ||
  name === 'setFaults' ||
  name === 'getRequests' ||
  name === 'clearRequests';
