import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './run-args';

const KNOWN = ['ready-latency', 'provision-throughput', 'reconcile-noop'];

describe('parseRunArgs', () => {
  it('runs every benchmark, in their order, when none is named', () => {
    expect(parseRunArgs([], KNOWN)).toEqual({ ok: true, value: { names: KNOWN, out: null, help: false } });
  });

  it('runs only the named ones, once each, and takes --out in both spellings', () => {
    expect(parseRunArgs(['reconcile-noop', '--out', 'r.json', 'reconcile-noop'], KNOWN)).toEqual({
      ok: true,
      value: { names: ['reconcile-noop'], out: 'r.json', help: false },
    });
    expect(parseRunArgs(['--out=x.json'], KNOWN)).toMatchObject({ ok: true, value: { out: 'x.json' } });
  });

  it('refuses an unknown benchmark, naming the known ones', () => {
    expect(parseRunArgs(['latency'], KNOWN)).toEqual({
      ok: false,
      error: 'unknown benchmark "latency" (known: ready-latency, provision-throughput, reconcile-noop)',
    });
  });

  it('refuses --out without a file and unknown options', () => {
    expect(parseRunArgs(['--out'], KNOWN)).toEqual({ ok: false, error: '--out needs a file name' });
    expect(parseRunArgs(['--out', '--fast'], KNOWN)).toEqual({ ok: false, error: '--out needs a file name' });
    expect(parseRunArgs(['--fast'], KNOWN)).toEqual({ ok: false, error: 'unknown option --fast' });
  });
});
