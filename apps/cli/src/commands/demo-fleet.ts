import type { EmulatorData } from '@csbs-kit/emulator';

/** The demo's fleet: the two generated projects and two more, as IAM names a region's projects. */
const extraProjects = [
  { id: '5c1e7a9b3d2f4e6a8c0b1d3f5a7c9e2b', name: 'eu-de_data', seedOffset: 101 },
  { id: '7e3a1c5b9d2f4e6a8c0b2d4f6a8c0e3d', name: 'eu-de_legacy', seedOffset: 202 },
] as const;

/** An IAM administrator of the demo (fake, for the emulator only): may scope to any project. */
export const demoFleetUser = { name: 'demo-admin', password: 'demo-admin-password' } as const;

/**
 * The generated demo data plus two projects, names for every project and an administrator
 * who may list and scope to all of them: what the tour's last step, the fleet report, walks.
 */
export function demoFleetData(
  generate: (options: { count: number; seed: number; projects: number }) => EmulatorData,
  count: number,
  seed: number,
): EmulatorData {
  const data = generate({ count, seed, projects: 2 });
  const [home, other] = Object.keys(data.projects) as [string, string];
  const domain = data.users?.[0]?.domain_name ?? 'demo-domain';
  const users = [...(data.users ?? [])];
  users.push({
    name: 'demo-shop',
    password: 'demo-shop-password',
    domain_name: domain,
    project_id: other,
    project_name: 'eu-de_shop',
  });
  extraProjects.forEach((p, i) => {
    const items =
      Object.values(generate({ count, seed: seed + p.seedOffset, projects: 1 }).projects)[0]
        ?.checkpoint_items ?? [];
    // Ids are unique across a data file: these projects' ids get their own first digit.
    data.projects[p.id] = {
      checkpoint_items: items.map((item) => ({ ...item, id: `${'ab'[i]}${item.id.slice(1)}` })),
    };
    users.push({
      name: `demo-${p.name}`,
      password: `${p.name}-password`,
      domain_name: domain,
      project_id: p.id,
      project_name: p.name,
    });
  });
  users.push({
    name: demoFleetUser.name,
    password: demoFleetUser.password,
    domain_name: domain,
    project_id: home,
    project_name: data.users?.[0]?.project_name ?? 'eu-de_demo',
    admin: true,
  });
  return { ...data, users };
}
