import type { LogScript } from './log-script.js';

export interface LogLine {
  at: number;
  seq: number;
  text: string;
}

// Like the kubelet's log rotation, a container keeps a bounded history.
const MAX_LINES = 5000;

const after = (a: LogLine, at: number, seq: number): boolean => a.at > at || (a.at === at && a.seq > seq);

/** The log of one container instance: lines appear at their scripted sim time until the instance ends. */
export class LogInstance {
  private endedAt: number | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly script: LogScript,
    readonly startedAt: number,
  ) {
    if (script.periodic && (!Number.isInteger(script.periodic.every) || script.periodic.every <= 0))
      throw new RangeError('periodic log lines need a positive whole-ms period');
  }

  get ended(): boolean {
    return this.endedAt !== undefined;
  }

  get endTime(): number | undefined {
    return this.endedAt;
  }

  /** Every line written up to `until` (sim ms), oldest first. */
  lines(until: number): LogLine[] {
    const limit = Math.min(until, this.endedAt ?? Number.POSITIVE_INFINITY);
    const out: LogLine[] = [];
    this.script.lines.forEach((l, i) => {
      const at = Math.floor(this.startedAt + l.offset);
      if (at <= limit) out.push({ at, seq: i, text: l.text(at) });
    });
    const p = this.script.periodic;
    if (p) {
      const first = Math.floor(this.startedAt + p.first);
      if (limit >= first) {
        const count = Math.floor((limit - first) / p.every) + 1;
        for (let n = Math.max(0, count - MAX_LINES); n < count; n += 1) {
          const at = first + n * p.every;
          out.push({ at, seq: this.script.lines.length + n, text: p.text(at, n) });
        }
      }
    }
    out.sort((a, b) => a.at - b.at || a.seq - b.seq);
    return out.length > MAX_LINES ? out.slice(out.length - MAX_LINES) : out;
  }

  /** Sim time of the first line after (at, seq), if the instance will still write one. */
  nextAt(at: number, seq: number): number | undefined {
    const end = this.endedAt ?? Number.POSITIVE_INFINITY;
    let best: number | undefined;
    this.script.lines.forEach((l, i) => {
      const t = Math.floor(this.startedAt + l.offset);
      if (t <= end && after({ at: t, seq: i, text: '' }, at, seq) && (best === undefined || t < best))
        best = t;
    });
    const p = this.script.periodic;
    if (p) {
      const first = Math.floor(this.startedAt + p.first);
      const seqBase = this.script.lines.length;
      // Times are floored to whole ms, so look at the neighbours of the estimate for the first line strictly after.
      for (let n = Math.max(0, Math.floor((at - first) / p.every) - 1), i = 0; i < 4; n += 1, i += 1) {
        const t = first + n * p.every;
        if (t > end || !after({ at: t, seq: seqBase + n, text: '' }, at, seq)) continue;
        if (best === undefined || t < best) best = t;
        break;
      }
    }
    return best;
  }

  /** The container exited (or its pod went away): nothing after `at` is written. */
  end(at: number): void {
    if (this.endedAt !== undefined) return;
    this.endedAt = at;
    for (const w of [...this.waiters]) w();
  }

  onEnd(fn: () => void): () => void {
    this.waiters.add(fn);
    return () => this.waiters.delete(fn);
  }
}

export const isAfter = after;
