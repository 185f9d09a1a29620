/** The public clouds whose CSBS the client can find from a region alone. */
export type Cloud = 'huaweicloud' | 'otc';

export interface CloudFacts {
  /** As the cloud names itself, for messages. */
  readonly title: string;
  /**
   * The regions that run CSBS, or `'any'` when the cloud publishes a CSBS endpoint in every
   * region it runs (Huawei Cloud: `csbs.{region}.myhuaweicloud.com`), so any region named
   * like `ap-southeast-1` is taken as given.
   */
  readonly csbsRegions: readonly string[] | 'any';
  /** Regions of the cloud that run no CSBS: a region here is refused, naming `csbsRegions`. */
  readonly regionsWithoutCsbs: readonly string[];
  /** The region used when none is given, where one is implied. */
  readonly defaultRegion: string | undefined;
  /** The host suffix of its public endpoints (`csbs.{region}.{domain}`); it also tells the cloud of an IAM URL. */
  readonly domain: string;
  /** The public IAM, for `listProjects` when no IAM URL is given. */
  readonly iamEndpoint: string;
}

/**
 * Which cloud runs CSBS where: the one table that the client's endpoint derivation and the
 * CLI's choice of cloud both read.
 *
 * Open Telekom Cloud lists CSBS in eu-de only (opentelekomcloud-docs/regions-and-endpoints:
 * eu-nl has Cloud Backup and Recovery, CBR, but no CSBS row; gophertelekomcloud's CSBS client
 * is the `data-protect` catalog entry, present in eu-de). eu-ch2 is the Swiss cloud, with its
 * own domain (`*.eu-ch2.sc.otc.t-systems.com`) and no CSBS either.
 */
export const clouds: { readonly [C in Cloud]: CloudFacts } = {
  huaweicloud: {
    title: 'Huawei Cloud',
    csbsRegions: 'any',
    regionsWithoutCsbs: [],
    defaultRegion: undefined,
    domain: 'myhuaweicloud.com',
    iamEndpoint: 'https://iam.myhuaweicloud.com',
  },
  otc: {
    title: 'Open Telekom Cloud',
    csbsRegions: ['eu-de'],
    regionsWithoutCsbs: ['eu-nl', 'eu-ch2'],
    defaultRegion: 'eu-de',
    domain: 'otc.t-systems.com',
    iamEndpoint: 'https://iam.eu-de.otc.t-systems.com',
  },
};

export const cloudNames = Object.keys(clouds) as readonly Cloud[];

export function isCloud(name: unknown): name is Cloud {
  return typeof name === 'string' && Object.hasOwn(clouds, name);
}

/**
 * The cloud a region or an IAM URL belongs to: a region listed in a cloud's table (with or
 * without CSBS), else an `authUrl` on a cloud's domain; `undefined` when neither says.
 */
export function cloudOf(hints: {
  region?: string | undefined;
  authUrl?: string | undefined;
}): Cloud | undefined {
  for (const name of cloudNames) {
    const { csbsRegions, regionsWithoutCsbs } = clouds[name];
    const region = hints.region ?? '';
    if ((csbsRegions !== 'any' && csbsRegions.includes(region)) || regionsWithoutCsbs.includes(region))
      return name;
  }
  if (hints.authUrl === undefined) return undefined;
  let host: string;
  try {
    host = new URL(hints.authUrl).hostname;
  } catch {
    return undefined;
  }
  return cloudNames.find((name) => host === clouds[name].domain || host.endsWith(`.${clouds[name].domain}`));
}

/** Whether `cloud` runs CSBS in `region` (a well-formed name is assumed for `'any'`). */
export function offersCsbs(cloud: Cloud, region: string): boolean {
  const { csbsRegions, regionsWithoutCsbs } = clouds[cloud];
  if (regionsWithoutCsbs.includes(region)) return false;
  return csbsRegions === 'any' || csbsRegions.includes(region);
}
