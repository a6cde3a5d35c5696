// The tools Local and Studio users expect beside create and delete: a signed-in admin link.
import { print, reportError } from '../cli-context';
import { resolveStore } from '../resolve-store';
import type { CommandFn } from './command-fn';

export const toolCommands: Record<'login', CommandFn> = {
  login: async (ctx, args) => {
    const resolved = await resolveStore(ctx, args.store ?? '');
    if (!resolved.ok) return reportError(ctx, resolved.error);
    const result = await ctx.call('createAdminLogin', { id: resolved.value.id });
    if (!result.ok) return reportError(ctx, result.error);
    print(
      ctx,
      result.value,
      () =>
        `Signed-in admin link for "${resolved.value.name}" (works once, until ${result.value.expiresAt}):\n${result.value.url}`,
    );
    return 0;
  },
};
