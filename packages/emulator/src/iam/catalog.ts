import { stableId } from './identity.js';

/** The region the catalog's endpoints are in unless the emulator is told another. */
export const defaultRegion = 'eu-de';

/**
 * The service catalog of a token scoped to `projectId`: CSBS as `data-protect` (name `csbs`,
 * the type gophertelekomcloud and openstacksdk look up) at `<base>/v1/<project_id>`, and
 * the identity service at `<base>/v3`, each with one public endpoint in `region`.
 */
export function serviceCatalog(baseUrl: string, region: string, projectId: string) {
  const endpoint = (service: string, url: string) => ({
    id: stableId('endpoint', service, region, projectId),
    interface: 'public',
    region,
    region_id: region,
    url,
  });
  return [
    {
      id: stableId('service', 'data-protect'),
      name: 'csbs',
      type: 'data-protect',
      endpoints: [endpoint('data-protect', `${baseUrl}/v1/${projectId}`)],
    },
    {
      id: stableId('service', 'identity'),
      name: 'iam',
      type: 'identity',
      endpoints: [endpoint('identity', `${baseUrl}/v3`)],
    },
  ];
}
