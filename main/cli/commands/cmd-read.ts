// The read-only commands: list, show, events, health, audit, contexts.
import { print, reportError, type CliContext } from '../cli-context';
import { formatHealth } from '../format-health';
import { formatAudit, formatContexts } from '../format-misc';
import { formatStoreDetail, formatStoreList } from '../format-store';
import { formatTimeline } from '../format-timeline';
import { resolveStore } from '../resolve-store';
import { numberFlag, type CommandFn } from './command-fn';

/** Resolves <store> and hands its id to fn, or prints why it could not. */
const withStore =
  (fn: (ctx: CliContext, id: string) => Promise<number>): CommandFn =>
  async (ctx, args) => {
    const resolved = await resolveStore(ctx, args.store ?? '');
    return resolved.ok ? fn(ctx, resolved.value.id) : reportError(ctx, resolved.error);
  };

export const readCommands: Record<'list' | 'show' | 'events' | 'health' | 'audit' | 'contexts', CommandFn> = {
  list: async (ctx) => {
    // No kubeconfig, a broken one, or no context in it: say so (exit 1), not "No stores".
    const contexts = await ctx.call('listContexts', {});
    if (!contexts.ok) return reportError(ctx, contexts.error);
    if (!contexts.value.current)
      return reportError(ctx, {
        code: 'no_context',
        message: 'No cluster context selected: the kubeconfig has no current-context (pass --context)',
      });
    const result = await ctx.call('listStores', {});
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => formatStoreList(result.value, ctx.now()));
    return 0;
  },
  show: withStore(async (ctx, id) => {
    const result = await ctx.call('getStore', { id });
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => formatStoreDetail(result.value));
    return 0;
  }),
  events: withStore(async (ctx, id) => {
    const result = await ctx.call('listEvents', { id });
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => formatTimeline(result.value));
    return 0;
  }),
  health: withStore(async (ctx, id) => {
    const result = await ctx.call('getHealth', { id });
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => formatHealth(result.value));
    return 0;
  }),
  audit: async (ctx, _args, flags) => {
    const limit = numberFlag(flags, 'limit');
    const result = await ctx.call('listAudit', limit === undefined ? {} : { limit });
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => formatAudit(result.value));
    return 0;
  },
  contexts: async (ctx) => {
    const result = await ctx.call('listContexts', {});
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => formatContexts(result.value.current, result.value.contexts));
    return 0;
  },
};
