// storedeck retry <store> [--wait] [--current-settings] · storedeck delete <store> [--wait]
import { print, reportError, type CliContext } from '../cli-context';
import { EventQueue } from '../event-queue';
import { formatStoreDetail } from '../format-store';
import { resolveStore } from '../resolve-store';
import { waitForStore, type WaitGoal } from '../wait-store';
import { followNote, queuedNote } from '../worker-note';
import type { CommandFn } from './command-fn';
import { deleteWaitMs, provisionWaitMs } from './wait-budget';

async function lifecycle(
  ctx: CliContext,
  ref: string,
  wait: boolean,
  action: 'retryStore' | 'deleteStore',
  goal: WaitGoal,
  useCurrentSettings = false,
): Promise<number> {
  const resolved = await resolveStore(ctx, ref);
  if (!resolved.ok) return reportError(ctx, resolved.error);
  // Subscribed before the request so the store's next events cannot slip past.
  const queue = wait ? new EventQueue(ctx.bus) : null;
  try {
    const timeoutMs = !wait ? 0 : goal === 'gone' ? deleteWaitMs() : await provisionWaitMs(ctx);
    const result = await ctx.call(
      action,
      useCurrentSettings ? { id: resolved.value.id, useCurrentSettings } : { id: resolved.value.id },
    );
    if (!result.ok) return reportError(ctx, result.error);
    if (!queue) {
      const note = queuedNote(ctx.worker(), action === 'deleteStore' ? 'delete' : 'retry', result.value);
      print(ctx, result.value, () => `${formatStoreDetail(result.value)}\n\n${note}`);
      return 0;
    }
    if (!ctx.json) {
      ctx.io.out(`${action === 'deleteStore' ? 'Deleting' : 'Retrying'} "${result.value.name}"…\n`);
      const follow = followNote(ctx.worker());
      if (follow) ctx.io.out(`${follow}\n`);
    }
    return await waitForStore(ctx, queue, result.value, { goal, timeoutMs });
  } finally {
    queue?.close();
  }
}

export const runRetry: CommandFn = (ctx, args, flags) =>
  lifecycle(
    ctx,
    args.store ?? '',
    flags.wait === true,
    'retryStore',
    'settled',
    flags['current-settings'] === true,
  );

export const runDelete: CommandFn = (ctx, args, flags) =>
  lifecycle(ctx, args.store ?? '', flags.wait === true, 'deleteStore', 'gone');
