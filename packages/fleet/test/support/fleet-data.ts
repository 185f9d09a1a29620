import { type EmulatorData, generateEmulatorData } from '@csbs-kit/emulator';

/**
 * Emulator data with several projects, each generated from its own seed, one token per
 * project, and an admin IAM user who may scope a token to any of them.
 */
export function fleetData(projectIds: readonly string[], countPerProject: number): EmulatorData {
  const data: EmulatorData = { projects: {}, credentials: [], users: [] };
  projectIds.forEach((projectId, i) => {
    const generated = generateEmulatorData({ count: countPerProject, seed: 100 + i, projects: 1 });
    const [items] = Object.values(generated.projects);
    data.projects[projectId] = {
      // Ids are unique across a data file; the seeds differ, and the prefix makes sure.
      checkpoint_items: (items?.checkpoint_items ?? []).map((item) => ({
        ...item,
        id: `${i}${item.id.slice(1)}`,
      })),
    };
    data.credentials?.push({ token: `token-${projectId}`, project_id: projectId });
  });
  data.users?.push({
    name: 'fleet-admin',
    password: 'fleet-password',
    domain_name: 'fleet-domain',
    project_id: projectIds[0] as string,
    project_name: `eu-de_${projectIds[0]}`,
    admin: true,
  });
  return data;
}
