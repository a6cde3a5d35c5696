// storedeck logs <store> [--pod P] [--container C] [--tail N] [--timestamps] [--previous] [--saved] [--follow]
import { print, reportError, type CliContext } from '../cli-context';
import { EventQueue } from '../event-queue';
import { resolveStore } from '../resolve-store';
import { numberFlag, stringFlag, type CommandFn } from './command-fn';

async function follow(ctx: CliContext, target: Record<string, unknown>): Promise<number> {
  const queue = new EventQueue(ctx.bus);
  try {
    const started = await ctx.call('startLogFollow', target);
    if (!started.ok) return reportError(ctx, started.error);
    const { subscriptionId } = started.value;
    // A follow ends only when the pod goes away (ended: true) or the user presses Ctrl-C.
    for (;;) {
      const next = await queue.next(Number.POSITIVE_INFINITY, ctx.signal);
      if (next.kind === 'aborted') {
        await ctx.call('stopLogFollow', { subscriptionId });
        return 0;
      }
      if (next.kind === 'timeout') continue;
      const { event } = next;
      if (event.name !== 'logLines' || event.payload.subscriptionId !== subscriptionId) continue;
      const { lines, ended } = event.payload;
      if (ctx.json) ctx.io.out(`${JSON.stringify(event.payload)}\n`);
      else if (lines.length > 0) ctx.io.out(`${lines.join('\n')}\n`);
      if (ended) return 0;
    }
  } finally {
    queue.close();
  }
}

export const runLogs: CommandFn = async (ctx, args, flags) => {
  const resolved = await resolveStore(ctx, args.store ?? '');
  if (!resolved.ok) return reportError(ctx, resolved.error);
  const target: Record<string, unknown> = { id: resolved.value.id };
  const pod = stringFlag(flags, 'pod');
  const container = stringFlag(flags, 'container');
  const tail = numberFlag(flags, 'tail');
  if (pod !== undefined) target.pod = pod;
  if (container !== undefined) target.container = container;
  if (tail !== undefined) target.tailLines = tail;
  for (const flag of ['timestamps', 'previous', 'saved'] as const)
    if (flags[flag] === true) target[flag] = true;
  if (flags.follow === true) return follow(ctx, target);
  const result = await ctx.call('getLogs', target);
  if (!result.ok) return reportError(ctx, result.error);
  print(ctx, result.value, () => result.value.lines.join('\n'));
  return 0;
};
