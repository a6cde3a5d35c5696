// Where the live status looks, per kind: cluster-wide by the managed-by label when the user may
// list and watch that kind in every namespace (one watch, whatever the number of stores), else
// polled per store namespace at a capped rate (namespace-poller.ts) — a namespaced user, e.g.
// charts/storedeck-access's ServiceAccount, which may watch only Pods everywhere. 'namespaced'
// (a watch per kind per store namespace, 5 × N watches) is kept for comparison in the benchmark.
// Asked with SelfSubjectAccessReview before any watch opens, so none is refused first.
import { mayI } from '../../kube/access-review';
import type { KubeClient } from '../../kube/client';
import { KINDS } from '../../kube/kinds';
import { WATCHED_KINDS, type WatchedKind } from './judge-live';

export type WatchScope = 'cluster' | 'namespaced' | 'polled';
export type WatchScopes = Record<WatchedKind, WatchScope>;

const groupOf = (kind: WatchedKind): string => {
  const apiVersion = KINDS[kind].apiVersion;
  return apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
};

/** No namespace: "in every namespace", what a cluster-wide list or watch needs. */
const allowedEverywhere = (client: KubeClient, kind: WatchedKind, verb: string): Promise<boolean> =>
  mayI(client, { group: groupOf(kind), resource: KINDS[kind].plural, verb });

/**
 * The scope of each watched kind. When the reviews cannot be asked (no right to create them, an
 * old cluster), cluster-wide is tried and a 403 on the watch itself falls back to polling.
 */
export async function chooseWatchScopes(client: KubeClient): Promise<WatchScopes> {
  const entries = await Promise.all(
    WATCHED_KINDS.map(async (kind): Promise<[WatchedKind, WatchScope]> => {
      try {
        const [list, watch] = await Promise.all([
          allowedEverywhere(client, kind, 'list'),
          allowedEverywhere(client, kind, 'watch'),
        ]);
        return [kind, list && watch ? 'cluster' : 'polled'];
      } catch {
        return [kind, 'cluster'];
      }
    }),
  );
  return Object.fromEntries(entries) as WatchScopes;
}

/** Every kind in one scope (benchmarks compare the two; tests pin one). */
export const allScopes = (scope: WatchScope): WatchScopes =>
  Object.fromEntries(WATCHED_KINDS.map((kind) => [kind, scope])) as WatchScopes;
