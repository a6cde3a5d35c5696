import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepLease } from './lease-keeper';
import { openState, type State } from './open-state';
import { LEASE_STALE_MS, WorkerLease, processAlive } from './worker-lease';

// Two State instances on one file: two processes' connections, as far as SQLite can tell.
// (processAlive's gone pid is above Linux's highest possible pid, 2^22.)
let dir: string;
let states: State[];
let clock: number;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-lease-'));
  states = [];
  clock = Date.parse('2026-03-01T10:00:00.000Z');
});
afterEach(() => {
  for (const state of states) state.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(): State {
  const state = openState(path.join(dir, 'storedeck.db'));
  states.push(state);
  return state;
}

function lease(mode: string, overrides: Partial<ConstructorParameters<typeof WorkerLease>[1]> = {}) {
  return new WorkerLease(open().db, { mode, now: () => clock, isAlive: () => true, ...overrides });
}

describe('WorkerLease', () => {
  it('lets exactly one of two processes hold it; the holder keeps it across tries', () => {
    const app = lease('desktop');
    const cli = lease('cli');
    expect(app.tryAcquire()).toBe(true);
    expect(cli.tryAcquire()).toBe(false);
    expect(app.tryAcquire()).toBe(true);
    expect([app.held, cli.held]).toEqual([true, false]);
    expect(cli.holder()).toMatchObject({
      owner: app.owner,
      pid: process.pid,
      mode: 'desktop',
      live: true,
      acquiredAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('is not taken over while the heartbeat is fresh, and is once it is stale', () => {
    const app = lease('desktop');
    const cli = lease('cli');
    app.tryAcquire();
    clock += LEASE_STALE_MS - 1_000;
    expect(app.heartbeat()).toBe(true);
    clock += LEASE_STALE_MS;
    expect(cli.tryAcquire()).toBe(false);
    clock += 1_001;
    expect(cli.holder()?.live).toBe(false);
    expect(cli.tryAcquire()).toBe(true);
    // The old holder learns it lost the lease at its next heartbeat, and cannot win it back while fresh.
    expect(app.heartbeat()).toBe(false);
    expect(app.held).toBe(false);
    expect(app.tryAcquire()).toBe(false);
    expect(cli.holder()).toMatchObject({ owner: cli.owner, mode: 'cli', live: true });
  });

  it('is taken over at once when its holder process on this machine is gone', () => {
    const app = lease('desktop', { pid: 4_000_000 });
    const cli = lease('cli', { isAlive: (pid) => pid !== 4_000_000 });
    app.tryAcquire();
    expect(cli.holder()?.live).toBe(false);
    expect(cli.tryAcquire()).toBe(true);
  });

  it('trusts a fresh heartbeat from another machine whatever its pid', () => {
    const app = lease('desktop', { pid: 4_000_000, host: 'elsewhere' });
    const cli = lease('cli', { isAlive: () => false });
    app.tryAcquire();
    expect(cli.tryAcquire()).toBe(false);
  });

  it('is free again once released, and a release by a non-holder changes nothing', () => {
    const app = lease('desktop');
    const cli = lease('cli');
    app.tryAcquire();
    cli.release();
    expect(cli.holder()?.owner).toBe(app.owner);
    app.release();
    expect(app.held).toBe(false);
    expect(cli.holder()).toBeNull();
    expect(cli.tryAcquire()).toBe(true);
  });

  it('knows a live pid from a gone one', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 1)).toBe(false);
  });
});

describe('keepLease', () => {
  it('reports the lease at once, then heartbeats and takes over on its ticks', async () => {
    const app = lease('desktop');
    const cli = lease('cli');
    const changes: boolean[] = [];
    app.tryAcquire();
    let tick: () => void = () => undefined;
    const ticked = () => new Promise<void>((resolve) => (tick = resolve));
    const keeper = keepLease({
      lease: cli,
      intervalMs: 5,
      onChange: (held) => {
        changes.push(held);
        tick();
      },
    });
    expect(keeper.held).toBe(false);
    expect(changes).toEqual([]);
    const acquired = ticked();
    app.release();
    await acquired;
    expect(keeper.held).toBe(true);
    // Taken away behind its back (a stale takeover by another process): the next tick notices.
    const lost = ticked();
    (states[0] as State).db.prepare('UPDATE worker_lease SET owner = ?').run('someone-else');
    await lost;
    keeper.stop();
    expect(changes).toEqual([true, false]);
  });
});
