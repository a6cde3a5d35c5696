// Splits a timeline into attempts: a retry writes an 'attempt' event, and everything after it
// belongs to the new attempt, so the earlier ones can be folded away and marked with how they ended.
import type { TimelineEvent } from '../../../../preload/contract';
import { buildSteps, type StepRow } from './timeline-steps';

export type Attempt = {
  /** 1-based, counted from the markers (not read from their text). */
  number: number;
  /** The retry's own line ("Attempt 2: retry after MySQL start failed, …"); null for the first. */
  reason: string | null;
  startedAt: string | null;
  rows: StepRow[];
  /** How it ended: the failed step's row, or null while it runs or when it succeeded. */
  failed: StepRow | null;
  latest: boolean;
};

export const ATTEMPT_STEP = 'attempt';

export function buildAttempts(events: TimelineEvent[]): Attempt[] {
  const groups: Array<{ marker: TimelineEvent | null; events: TimelineEvent[] }> = [
    { marker: null, events: [] },
  ];
  for (const event of events) {
    if (event.step === ATTEMPT_STEP) groups.push({ marker: event, events: [] });
    else groups.at(-1)?.events.push(event);
  }
  return groups.map((group, i) => {
    const rows = buildSteps(group.events);
    return {
      number: i + 1,
      reason: group.marker?.message ?? null,
      startedAt: group.marker?.timestamp ?? group.events[0]?.timestamp ?? null,
      rows,
      failed: rows.findLast((r) => r.status === 'failed') ?? null,
      latest: i === groups.length - 1,
    };
  });
}

/**
 * When the attempt now running began: the latest retry's marker, else the store's creation. What
 * "about N left" counts from — a retried store's first attempts are not part of this one.
 */
export function currentAttemptStart(events: TimelineEvent[], createdAt: string): string {
  return events.findLast((event) => event.step === ATTEMPT_STEP)?.timestamp ?? createdAt;
}
