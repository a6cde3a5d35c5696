// The provisioning budget of one pass: every wait gets what is left of it, and a timeout names
// the whole budget ("timed out after 300 s"), not the remainder.

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
    return `${Math.round(this.totalMs / 1000)} s`;
  }
}
