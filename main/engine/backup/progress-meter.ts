// Bytes done / total, rate and time left for one phase of a backup, restore or clone, reported
// every intervalMs or every 1% of the total, whichever comes first (and at every phase change
// and at the end): a steady line of events however fast the copy, without one per chunk.
// Bytes only grow within a phase.

export interface ProgressSnapshot {
  phase: string;
  bytesDone: number;
  /** What the phase expects to move; null when unknown (then no ETA). */
  bytesTotal: number | null;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export class ProgressMeter {
  private phase = 'preparing';
  private done = 0;
  private total: number | null = null;
  private startedAt: number;
  private lastReport = 0;
  private lastBytes = 0;

  constructor(
    private readonly report: (snapshot: ProgressSnapshot) => void,
    private readonly intervalMs = 200,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** A new phase starts from zero with its own total (an estimate may be exceeded: total follows). */
  begin(phase: string, total: number | null): void {
    this.phase = phase;
    this.done = 0;
    this.total = total;
    this.startedAt = this.now();
    this.emit();
  }

  add(bytes: number): void {
    this.done += bytes;
    const step = this.total ? this.total / 100 : Number.POSITIVE_INFINITY;
    if (this.now() - this.lastReport >= this.intervalMs || this.done - this.lastBytes >= step) this.emit();
  }

  /** The phase is complete: its total is what was actually moved. */
  complete(): void {
    this.total = this.done;
    this.emit();
  }

  snapshot(): ProgressSnapshot {
    const seconds = Math.max((this.now() - this.startedAt) / 1000, 0.001);
    const rate = this.done / seconds;
    const total = this.total === null ? null : Math.max(this.total, this.done);
    const eta = total === null || rate <= 0 ? null : Math.max(0, Math.round((total - this.done) / rate));
    return {
      phase: this.phase,
      bytesDone: this.done,
      bytesTotal: total,
      bytesPerSecond: Math.round(rate),
      etaSeconds: eta,
    };
  }

  private emit(): void {
    this.lastReport = this.now();
    this.lastBytes = this.done;
    this.report(this.snapshot());
  }
}
