/*
 * The story the generated data tells (see `brokenServers` and `incident` in the
 * vocabulary): which servers start failing and when, and which backups an availability-zone
 * incident broke. Decided from values already drawn, so every other field's draws stay the
 * same with or without it.
 */
import type { CheckpointStatus } from '@csbs-kit/models';
import type { GeneratedServer } from './generated-extend-info.js';
import * as words from './generator-vocabulary.js';

/** Generated time stamps end here, so the same seed gives the same data on any day. */
export const newestBackupMs = Date.UTC(2026, 0, 1);

const dayMs = 24 * 3600 * 1000;

/** What the story decides per server (see `brokenServers` and `incident`), worked out once. */
export interface ServerStory {
  /** Backups from this time on fail; +Infinity for a healthy server. */
  readonly brokenFromMs: number;
  readonly inIncidentAz: boolean;
}

export function storyOf(server: GeneratedServer): ServerStory {
  const head = Number.parseInt(server.resourceId.slice(0, 2), 16);
  let brokenFromMs = Number.POSITIVE_INFINITY;
  if (head < words.brokenServers.idBelow) {
    const days =
      words.brokenServers.minDays +
      (Number.parseInt(server.resourceId.slice(2, 4), 16) % words.brokenServers.extraDays);
    brokenFromMs = newestBackupMs - days * dayMs;
  }
  return { brokenFromMs, inIncidentAz: server.az === words.incident.az };
}

const incidentStartMs = newestBackupMs - words.incident.startDaysBefore * dayMs;
const incidentEndMs = incidentStartMs + words.incident.days * dayMs;

/**
 * The status after the story: from values already drawn, so the draws of every other field
 * stay the same.
 */
export function storyStatus(
  drawn: CheckpointStatus,
  story: ServerStory,
  createdMs: number,
  detailSeed: number,
) {
  if (drawn !== 'available') return drawn;
  if (createdMs >= story.brokenFromMs) return 'error';
  if (
    story.inIncidentAz &&
    createdMs >= incidentStartMs &&
    createdMs < incidentEndMs &&
    detailSeed % 8 < words.incident.failedEighths
  ) {
    return 'error';
  }
  return drawn;
}
