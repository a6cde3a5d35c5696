// Search, filter and sort of the store list, and the counts the filter chips show. Pure, so the
// list of 500 is filtered in one pass per keystroke and every rule is unit-tested.
import type { LiveStatus, Store } from '../../../../preload/contract';

/** What a card says a store is: its lifecycle status, refined by the live status when Ready. */
export type ShownStatus = Store['status'] | 'Degraded' | 'Drifted';
export const SHOWN_STATUSES: readonly ShownStatus[] = [
  'Ready',
  'Degraded',
  'Drifted',
  'Provisioning',
  'Queued',
  'Failed',
  'Deleting',
];

export function shownStatus(store: Store, live: LiveStatus | undefined): ShownStatus {
  if (store.status === 'Ready' && live && live.state !== 'Ready') return live.state;
  return store.status;
}

export const SORTS = ['newest', 'oldest', 'name', 'status'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  name: 'Name A–Z',
  status: 'Needs attention first',
};

export type ListQuery = { text: string; status: ShownStatus | null; sort: Sort };

/** Failed and broken stores first, then work in progress, then the healthy ones. */
const ATTENTION: Record<ShownStatus, number> = {
  Failed: 0,
  Drifted: 1,
  Degraded: 2,
  Provisioning: 3,
  Queued: 4,
  Deleting: 5,
  Ready: 6,
};

const normalise = (text: string) => text.trim().toLowerCase();

function matchesText(store: Store, text: string): boolean {
  const needle = normalise(text);
  if (!needle) return true;
  return store.name.toLowerCase().includes(needle) || store.slug.includes(needle);
}

export function queryStores(
  stores: Store[],
  live: Record<string, LiveStatus>,
  query: ListQuery,
): { shown: Store[]; counts: Partial<Record<ShownStatus, number>>; total: number } {
  const counts: Partial<Record<ShownStatus, number>> = {};
  const matching: Array<{ store: Store; status: ShownStatus }> = [];
  for (const store of stores) {
    if (!matchesText(store, query.text)) continue;
    const status = shownStatus(store, live[store.id]);
    // Counts follow the search, not the status filter: the chips say what each filter would show.
    counts[status] = (counts[status] ?? 0) + 1;
    if (query.status === null || query.status === status) matching.push({ store, status });
  }
  const compare: Record<Sort, (a: (typeof matching)[0], b: (typeof matching)[0]) => number> = {
    newest: (a, b) => b.store.createdAt.localeCompare(a.store.createdAt),
    oldest: (a, b) => a.store.createdAt.localeCompare(b.store.createdAt),
    name: (a, b) => a.store.name.localeCompare(b.store.name, undefined, { sensitivity: 'base' }),
    status: (a, b) =>
      ATTENTION[a.status] - ATTENTION[b.status] || b.store.createdAt.localeCompare(a.store.createdAt),
  };
  // Stores made in the same millisecond (a script, an import) still keep one order.
  const byName = compare.name;
  matching.sort((a, b) => compare[query.sort](a, b) || byName(a, b));
  return { shown: matching.map((m) => m.store), counts, total: matching.length };
}

/** A Queued store's place in line (1 = next) among the Queued stores of its context, oldest first. */
export function queuePlaces(stores: Store[]): Record<string, number> {
  const queued = stores
    .filter((s) => s.status === 'Queued')
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.createdAt.localeCompare(b.createdAt));
  return Object.fromEntries(queued.map((s, index) => [s.id, index + 1]));
}

/** Median minutes-to-ready of the last Ready stores: the estimate for one being provisioned now. */
export function provisionEstimateMs(stores: Store[], last = 5): number | null {
  const durations = stores
    .filter((s) => s.provisionedAt)
    .sort((a, b) => (b.provisionedAt ?? '').localeCompare(a.provisionedAt ?? ''))
    .slice(0, last)
    .map((s) => Date.parse(s.provisionedAt ?? '') - Date.parse(s.createdAt))
    .filter((ms) => Number.isFinite(ms) && ms > 0)
    .sort((a, b) => a - b);
  if (durations.length === 0) return null;
  return durations[Math.floor(durations.length / 2)] ?? null;
}
