import { describe, expect, it } from 'vitest';
import { createTerminalFeed, skippedLine, type TerminalFeedOptions } from './terminal-feed';

// A stand-in for xterm: keeps what it was given, and parses (calls back) only when told to.
function fakeTerminal() {
  const queue: Array<{ data: string; parsed: () => void }> = [];
  let screen = '';
  return {
    sink: { write: (data: string, parsed: () => void) => queue.push({ data, parsed }) },
    inFlight: () => queue.length,
    /** Parses the oldest write; RIS (ESC c) clears the screen as xterm's reset does. */
    parseOne(): string {
      const next = queue.shift();
      if (!next) throw new Error('nothing to parse');
      screen = next.data === '\x1bc' ? '' : screen + next.data;
      next.parsed();
      return next.data;
    },
    parseAll(limit = 10_000) {
      for (let i = 0; i < limit && queue.length > 0; i++) this.parseOne();
      if (queue.length > 0) throw new Error('the feed never stopped writing');
    },
    screen: () => screen,
  };
}

const numbered = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);

function setup(options: TerminalFeedOptions = {}) {
  const term = fakeTerminal();
  const counts: number[] = [];
  const feed = createTerminalFeed(term.sink, { onWritten: (n) => counts.push(n), ...options });
  return { term, feed, counts };
}

describe('terminal feed', () => {
  it('hands lines over in small writes, a bounded number at a time, in order and complete', () => {
    const { term, feed, counts } = setup({ chunkLines: 10, maxInFlight: 2 });
    feed.append(numbered(1, 25));
    feed.append(numbered(26, 95));
    // Two writes of 10 in xterm's queue; the other 75 lines wait in the feed.
    expect(term.inFlight()).toBe(2);
    expect(feed.pending).toBe(95);
    expect(term.parseOne()).toBe(`${numbered(1, 10).join('\n')}\n`);
    expect(term.inFlight()).toBe(2);
    term.parseAll();
    expect(term.screen()).toBe(`${numbered(1, 95).join('\n')}\n`);
    expect(feed.written).toBe(95);
    expect(feed.pending).toBe(0);
    expect(counts).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 95]);
  });

  it('counts only what xterm has parsed', () => {
    const { term, feed } = setup({ chunkLines: 4 });
    feed.append(numbered(1, 8));
    expect(feed.written).toBe(0);
    term.parseOne();
    expect(feed.written).toBe(4);
  });

  it('starts over in order: lines of the old session still queued in xterm land before the reset', () => {
    const { term, feed, counts } = setup({ chunkLines: 5, maxInFlight: 2 });
    feed.append(numbered(1, 30));
    feed.reset();
    feed.append(['fresh 1', 'fresh 2']);
    term.parseAll();
    // The 10 lines already in xterm's queue are parsed, then cleared by the reset; the 20 that
    // were still waiting in the feed are never written.
    expect(term.screen()).toBe('fresh 1\nfresh 2\n');
    expect(feed.written).toBe(2);
    expect(counts).toEqual([2]);
  });

  it('never lets the backlog grow past its bound: the oldest lines give way to one notice', () => {
    const { term, feed } = setup({ chunkLines: 10, maxInFlight: 1, maxBacklog: 50 });
    feed.append(numbered(1, 10));
    feed.append(numbered(11, 100));
    // 10 in flight; of the 90 waiting, the 40 oldest are dropped.
    expect(feed.pending).toBe(60);
    term.parseAll();
    expect(term.screen()).toBe(
      `${numbered(1, 10).join('\n')}\n${skippedLine(40)}\n${numbered(51, 100).join('\n')}\n`,
    );
    expect(feed.written).toBe(60);
  });

  it('writes nothing more once disposed, even when xterm calls back afterwards', () => {
    const { term, feed } = setup({ chunkLines: 2, maxInFlight: 1 });
    feed.append(numbered(1, 6));
    feed.dispose();
    term.parseAll();
    feed.append(['late']);
    expect(term.screen()).toBe('line 1\nline 2\n');
    expect(term.inFlight()).toBe(0);
  });
});
