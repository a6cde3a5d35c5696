// Feeds log lines into xterm in small writes, a few at a time, each next one sent when xterm says
// the previous was parsed. xterm parses one write in one go, and while its buffer fills it
// updates its scrollbar on every line: a frame's worth of a 10,000 lines/s follow written at
// once was a 50–130 ms task. Small writes let xterm's own write loop stop after ~12 ms and go on
// in a new task, so the page stays responsive; lines it has not reached yet wait here, in order.
// A reset travels in the same stream (RIS, ESC c), so lines of the old session still in xterm's
// queue can never land after it.

/** What the feed needs of xterm's Terminal: write with a parsed callback. */
export interface TerminalSink {
  write(data: string, parsed: () => void): void;
}

export interface TerminalFeedOptions {
  /** Lines per write. */
  chunkLines?: number;
  /** Writes handed to xterm and not parsed yet. */
  maxInFlight?: number;
  /** Backlog past which the oldest waiting lines give way to one "skipped" line. */
  maxBacklog?: number;
  /** After each parsed write, with the lines xterm has parsed since the last reset. */
  onWritten?: (written: number) => void;
}

export interface TerminalFeed {
  append(lines: readonly string[]): void;
  /** Starts the terminal over (in order with what was written before). */
  reset(): void;
  /** Lines xterm has parsed since the last reset (a skipped-lines notice counts as none). */
  readonly written: number;
  /** Lines waiting for xterm, in flight or not yet sent. */
  readonly pending: number;
  dispose(): void;
}

const RIS = '\x1bc';

export const skippedLine = (n: number): string =>
  `\x1b[2m… ${n} line${n === 1 ? '' : 's'} skipped: the terminal fell behind the log …\x1b[0m`;

export function createTerminalFeed(sink: TerminalSink, options: TerminalFeedOptions = {}): TerminalFeed {
  const chunkLines = options.chunkLines ?? 32;
  const maxInFlight = options.maxInFlight ?? 2;
  const maxBacklog = options.maxBacklog ?? 100_000;
  // Waiting lines as the slices they came in (no copying into one big array), read from `head`.
  let slices: Array<readonly string[]> = [];
  let head = 0;
  let waiting = 0;
  let skipped = 0;
  let inFlight = 0;
  let inFlightLines = 0;
  let epoch = 0;
  let written = 0;
  let disposed = false;

  const take = (max: number): string[] => {
    const out: string[] = [];
    while (out.length < max && slices.length > 0) {
      const first = slices[0] as readonly string[];
      const n = Math.min(max - out.length, first.length - head);
      for (let i = 0; i < n; i++) out.push(first[head + i] as string);
      head += n;
      if (head >= first.length) {
        slices.shift();
        head = 0;
      }
    }
    waiting -= out.length;
    return out;
  };

  const send = (data: string, lines: number): void => {
    const sentIn = epoch;
    inFlight++;
    inFlightLines += lines;
    sink.write(data, () => {
      inFlight--;
      inFlightLines -= lines;
      if (disposed) return;
      if (sentIn === epoch && lines > 0) {
        written += lines;
        options.onWritten?.(written);
      }
      pump();
    });
  };

  function pump(): void {
    while (!disposed && inFlight < maxInFlight && (waiting > 0 || skipped > 0)) {
      if (skipped > 0) {
        send(`${skippedLine(skipped)}\n`, 0);
        skipped = 0;
        continue;
      }
      const lines = take(chunkLines);
      send(`${lines.join('\n')}\n`, lines.length);
    }
  }

  return {
    append(lines) {
      if (disposed || lines.length === 0) return;
      slices.push(lines);
      waiting += lines.length;
      if (waiting > maxBacklog) {
        const over = waiting - maxBacklog;
        take(over);
        skipped += over;
      }
      pump();
    },
    reset() {
      slices = [];
      head = 0;
      waiting = 0;
      skipped = 0;
      epoch++;
      written = 0;
      if (!disposed) send(RIS, 0);
    },
    get written() {
      return written;
    },
    get pending() {
      return waiting + inFlightLines;
    },
    dispose() {
      disposed = true;
      slices = [];
      waiting = 0;
    },
  };
}
