// storedeck backup <store> [--out FILE] · restore <archive> --name N · clone <store> --name N:
// start the operation, then show its progress until it ends — one line rewritten in place on a
// terminal, plain lines (at each phase and every 10 %) otherwise — and exit with its outcome.
// Ctrl-C cancels it (nothing is kept: no partial archive, no half-restored store).
import { resolve } from 'node:path';
import type { EventOf, Result } from '../../../preload/contract';
import { print, reportError, type CliContext } from '../cli-context';
import { EventQueue } from '../event-queue';
import { formatBytes, formatProgress } from '../../../preload/backup-format';
import { resolveStore } from '../resolve-store';
import { EXIT_INTERRUPTED } from '../wait-store';
import { stringFlag, type CommandFn } from './command-fn';

type Progress = EventOf<'backupProgress'>;

/** Follows one operation's events to its last one. */
async function follow(ctx: CliContext, queue: EventQueue, operationId: string): Promise<Progress> {
  let cancelled = false;
  let lastPlain = { phase: '', tenth: -1 };
  let drawn = false;
  for (;;) {
    const next = await queue.next(Number.POSITIVE_INFINITY, cancelled ? undefined : ctx.signal);
    if (next.kind === 'aborted') {
      cancelled = true;
      await ctx.call('cancelBackupOperation', { operationId });
      continue;
    }
    if (next.kind !== 'event' || next.event.name !== 'backupProgress') continue;
    const p = next.event.payload;
    if (p.operationId !== operationId) continue;
    if (ctx.json) {
      if (p.done) return p;
      continue;
    }
    if (p.done) {
      if (drawn) ctx.io.err('\n');
      return p;
    }
    if (ctx.io.tty) {
      ctx.io.err(`\r\x1b[2K${formatProgress(p)}`);
      drawn = true;
      continue;
    }
    const tenth = p.bytesTotal ? Math.floor((10 * p.bytesDone) / p.bytesTotal) : -1;
    if (p.phase !== lastPlain.phase || tenth > lastPlain.tenth) {
      ctx.io.err(`${formatProgress(p)}\n`);
      lastPlain = { phase: p.phase, tenth };
    }
  }
}

async function run(
  ctx: CliContext,
  start: () => Promise<Result<{ operationId: string }>>,
  success: (p: Progress) => string,
): Promise<number> {
  const queue = new EventQueue(ctx.bus);
  try {
    const started = await start();
    if (!started.ok) return reportError(ctx, started.error);
    const last = await follow(ctx, queue, started.value.operationId);
    if (last.error) {
      const code = reportError(ctx, last.error);
      return ctx.signal.aborted ? EXIT_INTERRUPTED : code;
    }
    print(ctx, last.result ?? {}, () => success(last));
    return 0;
  } finally {
    queue.close();
  }
}

export const backupCommands: Record<'backup' | 'restore' | 'clone', CommandFn> = {
  backup: async (ctx, args, flags) => {
    const found = await resolveStore(ctx, args.store ?? '');
    if (!found.ok) return reportError(ctx, found.error);
    const out = stringFlag(flags, 'out');
    return run(
      ctx,
      () => ctx.call('backupStore', { id: found.value.id, ...(out ? { path: resolve(out) } : {}) }),
      (p) =>
        `Backed up "${found.value.name}" to ${p.result?.path ?? ''} (${formatBytes(p.result?.bytes ?? 0)})`,
    );
  },
  restore: async (ctx, args, flags) => {
    const name = stringFlag(flags, 'name') ?? '';
    const email = stringFlag(flags, 'email');
    return run(
      ctx,
      () =>
        ctx.call('restoreStore', {
          archive: resolve(args.archive ?? ''),
          name,
          ...(email ? { adminEmail: email } : {}),
        }),
      () => `Restored ${args.archive ?? ''} as "${name}": it is Ready`,
    );
  },
  clone: async (ctx, args, flags) => {
    const found = await resolveStore(ctx, args.store ?? '');
    if (!found.ok) return reportError(ctx, found.error);
    const name = stringFlag(flags, 'name') ?? '';
    const email = stringFlag(flags, 'email');
    return run(
      ctx,
      () => ctx.call('cloneStore', { id: found.value.id, name, ...(email ? { adminEmail: email } : {}) }),
      () => `Cloned "${found.value.name}" as "${name}": it is Ready`,
    );
  },
};
