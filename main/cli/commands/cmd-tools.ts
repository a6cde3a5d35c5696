// The tools Local and Studio users expect beside create and delete: a signed-in admin link and
// the store's database on a local port.
import { print, reportError, type CliContext } from '../cli-context';
import { EventQueue } from '../event-queue';
import { resolveStore } from '../resolve-store';
import type { ResponseOf } from '../../../preload/contract';
import type { CommandFn } from './command-fn';

/** Resolves when the user presses Ctrl-C (the CLI's signal), which ends a held command. */
const untilInterrupted = (ctx: CliContext): Promise<void> =>
  new Promise((resolve) => {
    if (ctx.signal.aborted) return resolve();
    ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });

function describeDatabase(name: string, db: ResponseOf<'openDatabase'>): string {
  const client =
    db.engine === 'mysql'
      ? `mysql -h ${db.host} -P ${db.port} -u ${db.user} -p ${db.database}`
      : `psql "postgresql://${db.user}@${db.host}:${db.port}/${db.database}"`;
  return [
    `Database of "${name}" (${db.engine}, pod ${db.pod}) is on ${db.host}:${db.port}`,
    `  database: ${db.database}`,
    `  user:     ${db.user}`,
    `  password: ${db.password}`,
    `  connect:  ${client}`,
    'Press Ctrl-C to close the connection.',
  ].join('\n');
}

export const toolCommands: Record<'login' | 'db' | 'wp', CommandFn> = {
  // Streams WP-CLI's stdout and stderr as they come and ends with its exit code.
  wp: async (ctx, args, _flags, rest) => {
    const resolved = await resolveStore(ctx, args.store ?? '');
    if (!resolved.ok) return reportError(ctx, resolved.error);
    const queue = new EventQueue(ctx.bus);
    try {
      const started = await ctx.call('runWpCli', { id: resolved.value.id, args: rest });
      if (!started.ok) return reportError(ctx, started.error);
      for (;;) {
        const next = await queue.next(Number.POSITIVE_INFINITY, ctx.signal);
        // Ctrl-C leaves the command to finish in the pod; the console pod goes when idle.
        if (next.kind === 'aborted') return 130;
        if (next.kind !== 'event' || next.event.name !== 'wpCliOutput') continue;
        const out = next.event.payload;
        if (out.runId !== started.value.runId) continue;
        if (ctx.json) ctx.io.out(`${JSON.stringify(out)}\n`);
        else if (out.text) (out.stream === 'stdout' ? ctx.io.out : ctx.io.err)(out.text);
        if (out.done) return out.exitCode ?? 1;
      }
    } finally {
      queue.close();
    }
  },
  db: async (ctx, args) => {
    const resolved = await resolveStore(ctx, args.store ?? '');
    if (!resolved.ok) return reportError(ctx, resolved.error);
    const opened = await ctx.call('openDatabase', { id: resolved.value.id });
    if (!opened.ok) return reportError(ctx, opened.error);
    print(ctx, opened.value, () => describeDatabase(resolved.value.name, opened.value));
    await untilInterrupted(ctx);
    await ctx.call('closeDatabase', { forwardId: opened.value.forwardId });
    return 0;
  },
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
