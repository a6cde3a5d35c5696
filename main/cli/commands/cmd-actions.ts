// The store actions: restart, reset-password, password, reconcile.
import { print, reportError } from '../cli-context';
import { formatCredentials, formatRestarted } from '../format-misc';
import { resolveStore } from '../resolve-store';
import { describeWorker } from '../worker-note';
import { stringFlag, type CommandFn } from './command-fn';

export const actionCommands: Record<'restart' | 'reset-password' | 'password' | 'reconcile', CommandFn> = {
  restart: async (ctx, args, flags) => {
    const resolved = await resolveStore(ctx, args.store ?? '');
    if (!resolved.ok) return reportError(ctx, resolved.error);
    const result = await ctx.call('restartStore', {
      id: resolved.value.id,
      component: stringFlag(flags, 'component') ?? 'all',
    });
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => formatRestarted(result.value.restarted));
    return 0;
  },
  'reset-password': async (ctx, args) => {
    const resolved = await resolveStore(ctx, args.store ?? '');
    if (!resolved.ok) return reportError(ctx, resolved.error);
    const result = await ctx.call('resetAdminPassword', { id: resolved.value.id });
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => `New admin password set.\n${formatCredentials(result.value)}`);
    return 0;
  },
  password: async (ctx, args) => {
    const resolved = await resolveStore(ctx, args.store ?? '');
    if (!resolved.ok) return reportError(ctx, resolved.error);
    const result = await ctx.call('revealAdminPassword', { id: resolved.value.id });
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => formatCredentials(result.value));
    return 0;
  },
  reconcile: async (ctx, args) => {
    const resolved = await resolveStore(ctx, args.store ?? '');
    if (!resolved.ok) return reportError(ctx, resolved.error);
    const before = await ctx.call('listEvents', { id: resolved.value.id });
    const seen = new Set(before.ok ? before.value.map((e) => e.id) : []);
    const result = await ctx.call('reconcileStore', { id: resolved.value.id });
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
  },
};
