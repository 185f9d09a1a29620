import type { CountCheckpointItemsQuery, CsbsClient } from '@csbs-kit/client';
import { type FleetClient, type FleetOptions, type FleetOutcome, forEachProject } from './fan-out.js';

export type FleetCountClient = FleetClient & Pick<CsbsClient, 'countCheckpointItems'>;

/** `countCheckpointItems` in every project; `total` sums the projects that answered. */
export async function countFleetCheckpointItems<C extends FleetCountClient>(
  options: FleetOptions<C> & { params?: CountCheckpointItemsQuery },
): Promise<FleetOutcome<number> & { total: number }> {
  const outcome = await forEachProject(options, (client, _project, signal) =>
    client.countCheckpointItems(options.params ?? {}, signal ? { signal } : {}),
  );
  return { ...outcome, total: outcome.results.reduce((sum, r) => sum + r.value, 0) };
}
