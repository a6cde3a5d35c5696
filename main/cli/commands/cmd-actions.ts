// The store actions: restart, reset-password, password, reconcile.
import { print, reportError } from '../cli-context';
import { formatCredentials, formatRestarted } from '../format-misc';
import { describeWorker } from '../worker-note';
import { stringFlag, type CommandFn } from './command-fn';
import { storeRequest, withStore } from './store-command';

export const actionCommands: Record<'restart' | 'reset-password' | 'password' | 'reconcile', CommandFn> = {
  restart: withStore(async (ctx, store, flags) => {
    const result = await ctx.call('restartStore', {
      id: store.id,
      component: stringFlag(flags, 'component') ?? 'all',
    });
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => formatRestarted(result.value.restarted));
    return 0;
  }),
  'reset-password': storeRequest(
    'resetAdminPassword',
    (credentials) => `New admin password set.\n${formatCredentials(credentials)}`,
  ),
  password: storeRequest('revealAdminPassword', formatCredentials),
  reconcile: withStore(async (ctx, target) => {
    const before = await ctx.call('listEvents', { id: target.id });
    const seen = new Set(before.ok ? before.value.map((e) => e.id) : []);
    const result = await ctx.call('reconcileStore', { id: target.id });
    if (!result.ok) return reportError(ctx, result.error);
    const status = ctx.worker();
    if (!status.working) {
      const holder = status.holder?.live ? status.holder : null;
      const who = holder ? describeWorker(holder) : 'the Storedeck app or web host';
      print(
        ctx,
        result.value,
        () =>
          `Reconcile of "${result.value.name}" requested: ${who} compares it with the cluster and repairs any drift.`,
      );
      return 0;
    }
    // This process does the pass: a quiet one records only repairs and failures.
    await ctx.settled(result.value.id);
    const after = await ctx.call('listEvents', { id: result.value.id });
    const store = await ctx.call('getStore', { id: result.value.id });
    const fresh = after.ok ? after.value.filter((e) => !seen.has(e.id)) : [];
    if (!store.ok) return reportError(ctx, store.error);
    print(ctx, { store: store.value, events: fresh }, () =>
      fresh.length === 0
        ? `"${store.value.name}" matches the cluster: nothing to repair.`
        : [
            `"${store.value.name}" reconciled (${store.value.status}):`,
            ...fresh.map((e) => `  ${e.status} ${e.step}: ${e.message}`),
          ].join('\n'),
    );
    return store.value.status === 'Failed' ? 1 : 0;
  }),
};
