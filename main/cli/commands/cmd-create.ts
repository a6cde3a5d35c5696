// storedeck create <name> --email <e> [--plan P] [--wait]
import { print, reportError } from '../cli-context';
import { EventQueue } from '../event-queue';
import { formatStoreDetail } from '../format-store';
import { waitForStore } from '../wait-store';
import { followNote, queuedNote } from '../worker-note';
import { stringFlag, type CommandFn } from './command-fn';
import { provisionWaitMs } from './wait-budget';

export const runCreate: CommandFn = async (ctx, args, flags) => {
  const plan = stringFlag(flags, 'plan');
  const request = {
    name: args.name,
    adminEmail: stringFlag(flags, 'email'),
    ...(plan === undefined ? {} : { plan }),
  };
  const wait = flags.wait === true;
  // Subscribed before the request so no event of the new store is missed.
  const queue = wait ? new EventQueue(ctx.bus) : null;
  try {
    const timeoutMs = wait ? await provisionWaitMs(ctx) : 0;
    const created = await ctx.call('createStore', request);
    if (!created.ok) return reportError(ctx, created.error);
    if (!queue) {
      // This process does not work on stores (it never took the lease): say who will.
      const note = queuedNote(ctx.worker(), 'create', created.value);
      print(ctx, created.value, () => `${formatStoreDetail(created.value)}\n\n${note}`);
      return 0;
    }
    if (!ctx.json) {
      ctx.io.out(`Creating "${created.value.name}" (${created.value.id}) in ${created.value.namespace}…\n`);
      const follow = followNote(ctx.worker());
      if (follow) ctx.io.out(`${follow}\n`);
    }
    return await waitForStore(ctx, queue, created.value, { goal: 'settled', timeoutMs });
  } finally {
    queue?.close();
  }
};
