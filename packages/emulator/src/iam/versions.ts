/*
 * Keystone's version discovery, which keystoneauth's generic plugins, gophertelekomcloud's
 * `ChooseVersion` and the old Huawei SDK call before they authenticate: `GET /` lists the
 * versions (300 Multiple Choices, as Keystone answers), `GET /v3` describes v3 (200). Both
 * carry a `self` link to `<base>/v3/`, where the clients then post their token request.
 */

const updated = '2020-04-07T00:00:00Z';

function v3(baseUrl: string) {
  return {
    id: 'v3.14',
    status: 'stable',
    updated,
    links: [{ rel: 'self', href: `${baseUrl}/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  };
}

export function versionsDocument(baseUrl: string) {
  return { versions: { values: [v3(baseUrl)] } };
}

export function versionDocument(baseUrl: string) {
  return { version: v3(baseUrl) };
}
