// The store actions: restart, reset-password, password.
import { print, reportError } from '../cli-context';
import { formatCredentials, formatRestarted } from '../format-misc';
import { resolveStore } from '../resolve-store';
import { stringFlag, type CommandFn } from './command-fn';

export const actionCommands: Record<'restart' | 'reset-password' | 'password', CommandFn> = {
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
};
