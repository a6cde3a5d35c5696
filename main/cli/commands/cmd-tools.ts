// The tools Local and Studio users expect beside create and delete: a signed-in admin link and
// the store's database on a local port.
import { print, reportError, type CliContext } from '../cli-context';
import { EventQueue } from '../event-queue';
import type { ResponseOf } from '../../../preload/contract';
import type { CommandFn } from './command-fn';
import { storeRequest, withStore } from './store-command';

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
  wp: withStore(async (ctx, store, _flags, rest) => {
    const queue = new EventQueue(ctx.bus);
    try {
      const started = await ctx.call('runWpCli', { id: store.id, args: rest });
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
  }),
  db: withStore(async (ctx, store) => {
    const opened = await ctx.call('openDatabase', { id: store.id });
    if (!opened.ok) return reportError(ctx, opened.error);
    print(ctx, opened.value, () => describeDatabase(store.name, opened.value));
    await untilInterrupted(ctx);
    await ctx.call('closeDatabase', { forwardId: opened.value.forwardId });
    return 0;
  }),
  login: storeRequest(
    'createAdminLogin',
    (login, store) =>
      `Signed-in admin link for "${store.name}" (works once, until ${login.expiresAt}):\n${login.url}`,
  ),
};
