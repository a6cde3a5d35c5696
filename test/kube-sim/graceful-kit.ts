// What the graceful-deletion tests share: the fast profile replayed 100x with every deleted pod
// held for its whole grace period (30 s sim = 0.3 s real), one sim with clients per test file,
// watches closed when the file ends, and the predicates their watches await.
import { afterAll, beforeAll } from 'vitest';
import { loadProfile } from './profiles/load-profile.js';
import { startWithClients, type SimClients } from './test-kit.js';
import { conditionOf, openWatch, type WatchEvent, type WatchLog } from './watch-log.js';
import type { SimProfile } from './types.js';

/** The fast profile without podTerminationMs, replayed 100x, with the timings given on top. */
export function gracefulProfile(name: string, timings: Partial<SimProfile['timings']> = {}): SimProfile {
  const fast = loadProfile('fast');
  const { podTerminationMs: _drop, ...kept } = fast.timings;
  return { ...fast, name, timeScale: 0.01, timings: { ...kept, ...timings } };
}

export interface GracefulSim {
  /** The file's sim and clients (set once beforeAll has run). */
  readonly c: SimClients;
  /** A watch on path, stopped when the file ends. */
  watch(path: string): Promise<WatchLog>;
}

/** Starts one sim for the test file (then runs setup) and stops it and its watches at the end. */
export function useGracefulSim(profile: SimProfile, setup?: (c: SimClients) => Promise<void>): GracefulSim {
  let clients: SimClients | undefined;
  const watches: WatchLog[] = [];
  beforeAll(async () => {
    clients = await startWithClients({ profile });
    await setup?.(clients);
  });
  afterAll(async () => {
    for (const w of watches) w.stop();
    await clients?.sim.stop();
  });
  return {
    get c() {
      if (!clients) throw new Error('the sim starts in beforeAll');
      return clients;
    },
    async watch(path) {
      const w = await openWatch(this.c.kc, path);
      watches.push(w);
      return w;
    },
  };
}

export const running = (e: WatchEvent): boolean =>
  e.object.status?.phase === 'Running' && conditionOf(e.object, 'Ready')?.status === 'True';
export const named = (name: string) => (e: WatchEvent) => e.object.metadata?.name === name;
