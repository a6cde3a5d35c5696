// Sim profiles the benchmarks run under, derived from the built-in ones.
import { loadProfile } from '../../test/kube-sim/profiles/load-profile';
import type { SimProfile } from '../../test/kube-sim/types';

/** The realistic timings (public figures) replayed at `timeScale` (0.02: 50 sim s per real s). */
export function realisticAt(timeScale: number): SimProfile {
  return { ...loadProfile('realistic'), timeScale };
}

/**
 * The fast profile with chosen setup-Job run times, one per image registry prefix: the sim
 * matches jobRunMs keys against the Job's image, so a store built with registry R runs its Job
 * for jobRunMs[`${R}/`] (every other image keeps the fast timings).
 */
export function fastWithJobTimes(byRegistry: Record<string, number>): SimProfile {
  const fast = loadProfile('fast');
  const base =
    typeof fast.timings.jobRunMs === 'number' ? fast.timings.jobRunMs : (fast.timings.jobRunMs['*'] ?? 0);
  const perRegistry = Object.fromEntries(
    Object.entries(byRegistry).map(([registry, ms]) => [`${registry}/`, ms]),
  );
  return { ...fast, timings: { ...fast.timings, jobRunMs: { '*': base, ...perRegistry } } };
}
