import { type EmulatorData, generateEmulatorData } from '@csbs-kit/emulator';

export const fleetUser = { name: 'fleet-admin', password: 'fleet-password-0001', domain: 'fleet-domain' };

/**
 * Emulator data with several projects, each generated from its own seed and named as
 * Huawei Cloud names a region's projects (`eu-de_<id>`), plus one project of another
 * region, and an admin IAM user who may scope a token to any of them.
 */
export function fleetData(projectIds: readonly string[], countPerProject: number): EmulatorData {
  const data: EmulatorData = { projects: {}, credentials: [], users: [] };
  const all = [...projectIds, 'proj-elsewhere'];
  all.forEach((projectId, i) => {
    const generated = generateEmulatorData({ count: countPerProject, seed: 100 + i, projects: 1 });
    const [items] = Object.values(generated.projects);
    data.projects[projectId] = {
      // Ids are unique across a data file; the prefix makes sure.
      checkpoint_items: (items?.checkpoint_items ?? []).map((item) => ({
        ...item,
        id: `${i}${item.id.slice(1)}`,
      })),
    };
    data.users?.push({
      name: i === 0 ? fleetUser.name : `user-${projectId}`,
      password: i === 0 ? fleetUser.password : `password-${projectId}`,
      domain_name: fleetUser.domain,
      project_id: projectId,
      project_name: projectId === 'proj-elsewhere' ? 'ap-southeast-1_other' : `eu-de_${projectId}`,
      ...(i === 0 ? { admin: true } : {}),
    });
  });
  return data;
}

export function fleetEnv(url: string, iamUrl = url): Record<string, string> {
  return {
    CSBS_ENDPOINT: url,
    OS_AUTH_URL: iamUrl,
    OS_USERNAME: fleetUser.name,
    OS_PASSWORD: fleetUser.password,
    OS_USER_DOMAIN_NAME: fleetUser.domain,
    OS_PROJECT_ID: 'proj-alpha',
    OS_REGION_NAME: 'eu-de',
  };
}
