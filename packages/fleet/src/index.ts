// The public API of @csbs-kit/fleet, listed deliberately. The report's pure aggregation is
// the `@csbs-kit/fleet/report` subpath.
export {
  checkConcurrency,
  defaultConcurrency,
  type FleetClient,
  type FleetOptions,
  type FleetOutcome,
  forEachProject,
} from './fan-out.js';
export { countFleetCheckpointItems, type FleetCountClient } from './fleet-count.js';
export { type FleetFailure, FleetOptionsError, fleetFailure } from './fleet-failure.js';
export {
  type FleetCheckpointItem,
  type FleetEvent,
  type FleetListingClient,
  type FleetListingOptions,
  paginateFleetCheckpointItems,
} from './fleet-listing.js';
export { type FleetProject, fleetProjects, projectLabel, projectsInRegion } from './fleet-project.js';
