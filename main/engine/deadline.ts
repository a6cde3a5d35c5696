// The provisioning budget of one pass: every wait gets what is left of it, and a timeout names
// the whole budget ("timed out after 300 s"), not the remainder.

export class Deadline {
  readonly at: number;
  constructor(
    readonly totalMs: number,
    now = Date.now(),
  ) {
    this.at = now + totalMs;
  }

  remainingMs(): number {
    return Math.max(0, this.at - Date.now());
  }

  expired(): boolean {
    return this.remainingMs() === 0;
  }

  describe(): string {
    return `${Math.round(this.totalMs / 1000)} s`;
  }
}
