import { describe, expect, it } from 'vitest';
import { LogInstance, isAfter } from './log-instance.js';
import type { LogScript } from './log-script.js';

const script: LogScript = {
  lines: [
    { offset: 0.4, text: () => 'start' },
    { offset: 250.7, text: (at) => `ready at ${at}` },
  ],
  periodic: { first: 333.3, every: 100, text: (_at, n) => `tick ${n}` },
};

describe('LogInstance', () => {
  it('reveals lines at their (whole-ms) time and nothing after the instance ended', () => {
    const inst = new LogInstance(script, 1000.6);
    expect(inst.lines(1000).map((l) => l.text)).toEqual([]);
    expect(inst.lines(1001).map((l) => l.text)).toEqual(['start']);
    expect(inst.lines(1600).map((l) => l.text)).toEqual([
      'start',
      'ready at 1251',
      'tick 0',
      'tick 1',
      'tick 2',
    ]);
    inst.end(1450);
    expect(inst.lines(99999).map((l) => l.text)).toEqual(['start', 'ready at 1251', 'tick 0', 'tick 1']);
  });

  it('names a next line time strictly after any cursor, so a follower always makes progress', () => {
    const inst = new LogInstance(script, 1000.6);
    let cursor = { at: Number.NEGATIVE_INFINITY, seq: -1 };
    const seen: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const next = inst.nextAt(cursor.at, cursor.seq) as number;
      expect(next).toBeGreaterThanOrEqual(cursor.at);
      const fresh = inst.lines(next).filter((l) => isAfter(l, cursor.at, cursor.seq));
      expect(fresh.length).toBeGreaterThan(0);
      for (const l of fresh) {
        seen.push(l.text);
        cursor = { at: l.at, seq: l.seq };
      }
    }
    expect(seen.slice(0, 4)).toEqual(['start', 'ready at 1251', 'tick 0', 'tick 1']);
    inst.end(cursor.at);
    expect(inst.nextAt(cursor.at, cursor.seq)).toBeUndefined();
  });
});
