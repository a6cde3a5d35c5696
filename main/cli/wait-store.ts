// --wait: follows one store's events from the bus until it is Ready/Failed (or gone, for
// delete), printing the timeline as it happens. Bounded by a deadline and by Ctrl-C.
import { stepLabel, type Store, type TimelineEvent } from '../../preload/contract';
import { print, type CliContext } from './cli-context';
import { EXIT_FAILED, EXIT_OK } from './cli-errors';
import type { EventQueue } from './event-queue';
import { formatStoreDetail } from './format-store';
import { formatProgressLine } from './format-timeline';
import { carriesOn } from './worker-note';

export type WaitGoal = 'settled' | 'gone';

/** Exit code used when the user interrupts a wait (128 + SIGINT), like a shell would report. */
export const EXIT_INTERRUPTED = 130;

export interface WaitOptions {
  goal: WaitGoal;
  timeoutMs: number;
}

export async function waitForStore(
  ctx: CliContext,
  queue: EventQueue,
  initial: Store,
  options: WaitOptions,
): Promise<number> {
  const started = Date.now();
  // Time the cluster spent not answering is given back: the wait is for the store, not the network.
  let deadline = started + options.timeoutMs;
  let downSince: number | null = null;
  let store = initial;
  const progress = (event: TimelineEvent) => {
    if (!ctx.json) ctx.io.out(`${formatProgressLine(event, Date.now() - started)}\n`);
  };
  const finish = (current: Store): number | null => {
    if (options.goal === 'settled' && current.status === 'Ready') {
      print(
        ctx,
        current,
        () =>
          `Store "${current.name}" is Ready${current.url ? `: ${current.url}` : ''}\n\n${formatStoreDetail(current)}`,
      );
      return EXIT_OK;
    }
    if (current.status === 'Failed') {
      const where = current.errorStep
        ? ` at ${stepLabel(current.errorStep)} (step ${current.errorStep})`
        : '';
      if (ctx.json) print(ctx, current, () => '');
      ctx.io.err(
        `storedeck: store "${current.name}" failed${where}: ${current.errorMessage ?? 'no reason recorded'}\n` +
          // What the app's failure box offers, as commands: settings are frozen at create.
          `Once the cause is fixed: storedeck retry ${current.slug} --wait` +
          ` (add --current-settings to use today's settings instead of those it was created with)\n`,
      );
      return EXIT_FAILED;
    }
    return null;
  };

  const early = finish(store);
  if (early !== null) return early;
  const stopWatching = ctx.watchCluster(store.context, (health) => {
    if (!health.reachable) {
      downSince ??= Date.now();
      ctx.io.err(
        `Cluster ${health.context} unreachable: ${health.message ?? 'no answer'} — still waiting (Ctrl-C to stop)\n`,
      );
    } else if (downSince !== null) {
      deadline += Date.now() - downSince;
      downSince = null;
      ctx.io.err(`Cluster ${health.context} answers again — waiting for "${store.name}"\n`);
    }
  });
  try {
    return await follow();
  } finally {
    stopWatching();
  }

  async function follow(): Promise<number> {
    // Bounded by the deadline; each turn consumes one event or ends the wait.
    for (;;) {
      const next = await queue.next(deadline, ctx.signal);
      if (next.kind === 'aborted') {
        ctx.io.err(
          `storedeck: stopped waiting; "${store.name}" is ${store.status} and ${carriesOn(ctx.worker())}\n`,
        );
        return EXIT_INTERRUPTED;
      }
      // Not out of time while the cluster is down: the engine does not spend the store's either.
      if (next.kind === 'timeout' && downSince !== null) {
        deadline = Date.now() + Math.min(options.timeoutMs, 60_000);
        continue;
      }
      if (next.kind === 'timeout') {
        ctx.io.err(
          `storedeck: timed out after ${Math.round(options.timeoutMs / 1000)}s waiting for "${store.name}" (status ${store.status})\n`,
        );
        return EXIT_FAILED;
      }
      const { event } = next;
      if (event.name === 'timelineEvent' && event.payload.storeId === store.id) progress(event.payload);
      if (event.name === 'storeChanged' && event.payload.id === store.id) {
        store = event.payload;
        const done = finish(store);
        if (done !== null) return done;
      }
      if (event.name === 'storeRemoved' && event.payload.id === store.id) {
        if (options.goal === 'gone') {
          print(ctx, { id: store.id, deleted: true }, () => `Store "${store.name}" deleted.`);
          return EXIT_OK;
        }
        ctx.io.err(`storedeck: store "${store.name}" was deleted while waiting\n`);
        return EXIT_FAILED;
      }
    }
  }
}
