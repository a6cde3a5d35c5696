// Time limits. A delete has one flat budget (Deadline). Provisioning has two (issue 7): it fails
// after a stretch with no progress (default 10 min) or after an overall cap (default 30 min),
// whichever comes first, and either message names both limits, so a user knows which to raise.

/** "2 s", "90 s", "10 min", "1 h 30 min": the way the limits are shown to a user. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** A flat budget: every wait gets what is left of it, and a timeout names the whole of it. */
export class Deadline {
  private atMs: number;
  constructor(
    readonly totalMs: number,
    now = Date.now(),
  ) {
    this.atMs = now + totalMs;
  }

  get at(): number {
    return this.atMs;
  }

  remainingMs(): number {
    return Math.max(0, this.atMs - Date.now());
  }

  /** Gives back time the pass could not use (the cluster did not answer): not the store's fault. */
  extend(ms: number): void {
    this.atMs += Math.max(0, ms);
  }

  expired(): boolean {
    return this.remainingMs() === 0;
  }

  describe(): string {
    return formatDuration(this.totalMs);
  }
}

export interface ProvisionLimits {
  noProgressMs: number;
  overallMs: number;
}

export type LimitHit = 'no-progress' | 'overall';

/** The two provisioning clocks of one attempt, on the engine's clock. */
export class ProgressDeadline {
  constructor(
    readonly limits: ProvisionLimits,
    private startedAt: number,
    private lastProgressAt: number,
  ) {}

  progressed(now: number): void {
    if (now > this.lastProgressAt) this.lastProgressAt = now;
  }

  /** Time that does not count against either limit (the cluster was unreachable). */
  extend(ms: number): void {
    this.startedAt += ms;
    this.lastProgressAt += ms;
  }

  get lastProgress(): number {
    return this.lastProgressAt;
  }

  /** Which limit has run out at now, if any (the overall cap wins a tie). */
  hit(now: number): LimitHit | null {
    if (now - this.startedAt >= this.limits.overallMs) return 'overall';
    if (now - this.lastProgressAt >= this.limits.noProgressMs) return 'no-progress';
    return null;
  }

  /** How long until the nearer limit runs out (0 when one has). */
  dueInMs(now: number): number {
    const overall = this.startedAt + this.limits.overallMs - now;
    const stalled = this.lastProgressAt + this.limits.noProgressMs - now;
    return Math.max(0, Math.min(overall, stalled));
  }

  /** Time left before the overall cap (what an active check may spend at most). */
  remainingMs(now: number): number {
    return Math.max(0, this.startedAt + this.limits.overallMs - now);
  }

  /** "fails after 10 min without progress or 30 min in all": what a waiting step is held to. */
  describeLimits(): string {
    return `fails after ${formatDuration(this.limits.noProgressMs)} without progress or ${formatDuration(this.limits.overallMs)} in all`;
  }

  /** "timed out after 2 s waiting for mysql …" with both limits named after the reason. */
  message(hit: LimitHit, waitingFor: string, why = ''): string {
    const overall = formatDuration(this.limits.overallMs);
    const stalled = formatDuration(this.limits.noProgressMs);
    return hit === 'overall'
      ? `timed out after ${overall} waiting for ${waitingFor}${why} (the overall limit; a store also fails after ${stalled} without progress)`
      : `timed out after ${stalled} without progress waiting for ${waitingFor}${why} (the limit without progress; the overall limit is ${overall})`;
  }
}
