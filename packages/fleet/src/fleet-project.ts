import { FleetOptionsError } from './fleet-failure.js';

/** A project of a fleet walk: its id, and the name IAM gives it when known (`eu-de_prod`). */
export interface FleetProject {
  id: string;
  name?: string;
}

/** `"abc"` and `{ id: "abc" }` alike; ids are checked and duplicates dropped, in order. */
export function fleetProjects(projects: readonly (string | FleetProject)[]): FleetProject[] {
  const seen = new Set<string>();
  const out: FleetProject[] = [];
  projects.forEach((p, i) => {
    const project = typeof p === 'string' ? { id: p } : p;
    if (typeof project?.id !== 'string' || !/^[^/?#\s]+$/.test(project.id)) {
      throw new FleetOptionsError(`projects[${i}]`, 'must be a non-empty id without "/", "?", "#" or spaces');
    }
    if (!seen.has(project.id)) {
      seen.add(project.id);
      out.push(project);
    }
  });
  return out;
}

/** How a project is named in messages: `eu-de_prod (0a1b…)`, or its id. */
export function projectLabel(project: FleetProject): string {
  return project.name && project.name !== project.id ? `${project.name} (${project.id})` : project.id;
}

/**
 * IAM lists a user's projects in every region; Huawei Cloud names a region's projects after
 * it: `eu-de` is the region's default project, `eu-de_<name>` a sub-project.
 */
export function projectsInRegion<P extends { name?: string | null | undefined }>(
  projects: readonly P[],
  region: string,
): P[] {
  return projects.filter(
    (p) => typeof p.name === 'string' && (p.name === region || p.name.startsWith(`${region}_`)),
  );
}
