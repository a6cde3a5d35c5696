// What a store that is not moving waits for, in words: the cluster (it does not answer) or a
// free provisioning slot (how many run, how many may). Pure, so every case is unit-tested.
import type { ContextHealth, Store } from '../../../../preload/contract';

export interface WaitFacts {
  /** Place in line among the context's Queued stores (1 = next), null when unknown. */
  place: number | null;
  /** Stores of the context provisioning now. */
  provisioning: number;
  /** How many provisions may run at once (Settings), null until loaded. */
  concurrency: number | null;
  health: ContextHealth | null;
}

export function queuedLine({ place, provisioning, concurrency, health }: WaitFacts): string {
  const where = place === 1 ? 'Next in line' : place ? `Number ${place} in line` : 'Queued';
  if (health && !health.reachable)
    return `${where} — waiting for the cluster: ${health.message ?? 'it does not answer'}`;
  if (concurrency !== null && provisioning >= concurrency) {
    const running = provisioning === 1 ? '1 store provisioning' : `${provisioning} stores provisioning`;
    return `${where} — waiting for a free slot: ${running} (${concurrency} at a time)`;
  }
  return `${where} — starting as soon as the worker picks it up`;
}

/** A provisioning store's pass cannot move while the cluster is down: the card says so. */
export function stalledLine(health: ContextHealth | null): string | null {
  return health && !health.reachable
    ? `Waiting for the cluster: ${health.message ?? 'it does not answer'}`
    : null;
}

export const countProvisioning = (stores: Store[]): number =>
  stores.reduce((n, s) => n + (s.status === 'Provisioning' ? 1 : 0), 0);
