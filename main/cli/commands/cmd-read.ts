// The read-only commands: list, show, events, health, audit, contexts.
import { print, reportError } from '../cli-context';
import { formatHealth } from '../format-health';
import { formatAudit, formatContexts } from '../format-misc';
import { formatStoreDetail, formatStoreList } from '../format-store';
import { formatTimeline } from '../format-timeline';
import { numberFlag, type CommandFn } from './command-fn';
import { storeRequest } from './store-command';

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
  show: storeRequest('getStore', formatStoreDetail),
  events: storeRequest('listEvents', formatTimeline),
  health: storeRequest('getHealth', formatHealth),
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
