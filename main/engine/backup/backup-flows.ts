// The three flows behind BackupService. Each returns an error value with a plain message for
// the expected failures (a damaged archive, a pod that is gone, a dump that fails) and leaves
// nothing behind: no partial archive file, and no new store unless it was fully restored.
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PassThrough } from 'node:stream';
import { err, ok, type Result, type Store } from '../../../preload/contract';
import { readOwnership, notOwnedMessage } from '../ownership';
import type { StoreStrategy } from '../strategies/strategy';
import { MEMBERS } from './archive-manifest';
import { downloadStore, withSpool, writeArchive, type SpooledMember } from './backup-archive';
import type { BackupServiceDeps, Outcome } from './backup-service';
import { untilReady } from './new-store';
import type { ProgressMeter } from './progress-meter';
import { ArchiveError, counting, verifyArchive } from './restore-archive';
import { finishRestore, readVersions, type ConsoleTarget } from './store-finish';
import {
  dumpDatabase,
  estimateSize,
  loadDatabase,
  tarFiles,
  TransferError,
  untarFiles,
  type StorePods,
} from './store-transfer';

class CancelledError extends Error {}

/** Throws once the operation was cancelled (between steps that do not take the signal). */
const check = (signal: AbortSignal): void => {
  if (signal.aborted) throw new CancelledError();
};

export interface FlowDeps extends BackupServiceDeps {
  meter: ProgressMeter;
  actor: string;
  notAvailable(plan: Store['plan']): string;
  signal: AbortSignal;
}

/** Pods and console of a store, once its namespace is checked to be its own. */
async function open(flow: FlowDeps, store: Store): Promise<{ pods: StorePods; console: ConsoleTarget }> {
  const strategy = flow.strategyFor(store.plan);
  const access = strategy.backup;
  if (!access) throw new TransferError(flow.notAvailable(store.plan));
  const client = await flow.clientFor(store);
  const owner = await readOwnership(client, store.namespace, store.id);
  if (owner.state === 'foreign')
    throw new TransferError(
      `${notOwnedMessage(store.namespace, owner.reason)}; Storedeck will not act in it`,
    );
  if (owner.state === 'absent')
    throw new TransferError(`${store.namespace} does not exist; retry the store to recreate it`);
  const ctx = await flow.storeContext(store);
  if (!ctx) throw new TransferError(`Store "${store.name}" has no recorded host yet; retry it first`);
  return {
    pods: { client, namespace: store.namespace, access },
    console: { client, ctx, strategy, consoles: flow.consoles },
  };
}

/** Expected failures become error values with their message; anything else is rethrown (audited as internal). */
async function plainly<T>(fn: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ArchiveError)
      return err('invalid_request', `The archive cannot be restored: ${error.message}. Nothing was created.`);
    if (error instanceof TransferError) return err('internal', error.message);
    if (error instanceof CancelledError) return err('internal', 'Cancelled; nothing was kept');
    throw error;
  }
}

export function runBackup(flow: FlowDeps, store: Store, out: string): Promise<Result<Outcome>> {
  return plainly(async () => {
    const { pods, console } = await open(flow, store);
    await mkdir(dirname(out), { recursive: true });
    return withSpool(async (dir) => {
      const downloaded = await downloadStore(pods, dir, flow.meter, flow.signal);
      check(flow.signal);
      const versions = await readVersions(console);
      check(flow.signal);
      const written = await writeArchive(
        out,
        {
          plan: store.plan,
          createdAt: (flow.now?.() ?? new Date()).toISOString(),
          source: { name: store.name, slug: store.slug, url: store.url ?? '', adminEmail: store.adminEmail },
          versions: { ...versions, mysql: downloaded.mysqlVersion },
        },
        downloaded.members,
        flow.meter,
        flow.signal,
      );
      return ok({ path: written.path, bytes: written.bytes });
    });
  });
}

/** Creates the new store and waits for it; on failure of what follows, deletes it again. */
async function intoNewStore(
  flow: FlowDeps,
  request: { name: string; adminEmail: string; plan: Store['plan']; context: string },
  fill: (target: Store, strategy: StoreStrategy) => Promise<void>,
): Promise<Result<Outcome>> {
  flow.meter.begin('provisioning', null);
  const created = await flow.create(request, flow.actor);
  if (!created.ok) return created;
  const ready = await untilReady(flow, created.value.id, flow.signal);
  try {
    check(flow.signal);
    if (!ready.ok) throw new TransferError(ready.error.message);
    await fill(ready.value, flow.strategyFor(ready.value.plan));
    check(flow.signal);
    return ok({ storeId: ready.value.id });
  } catch (error) {
    await flow.remove(created.value.id, flow.actor);
    const reason =
      error instanceof CancelledError || flow.signal.aborted
        ? 'Cancelled'
        : error instanceof Error
          ? error.message
          : String(error);
    return err('internal', `${reason}. The new store "${request.name}" is being removed.`);
  }
}

async function finishInto(flow: FlowDeps, target: Store, oldUrl: string): Promise<void> {
  flow.meter.begin('finishing', null);
  const { console } = await open(flow, target);
  await finishRestore(console, oldUrl, target.url ?? '');
}

export function runRestore(
  flow: FlowDeps,
  archive: string,
  request: { name: string; adminEmail?: string; context: string },
): Promise<Result<Outcome>> {
  return plainly(() =>
    withSpool(async (dir) => {
      const { manifest, members } = await verifyArchive(archive, dir, flow.meter);
      check(flow.signal);
      if (!flow.strategyFor(manifest.plan).backup)
        return err('not_available', flow.notAvailable(manifest.plan));
      const member = (name: string) => members.find((m) => m.name === name) as SpooledMember;
      return intoNewStore(
        flow,
        {
          name: request.name,
          adminEmail: request.adminEmail ?? manifest.source.adminEmail,
          plan: manifest.plan,
          context: request.context,
        },
        async (target) => {
          const { pods } = await open(flow, target);
          flow.meter.begin(
            'uploading',
            members.reduce((n, m) => n + m.size, 0),
          );
          const db = member(MEMBERS.database);
          const signal = flow.signal;
          await loadDatabase(pods, { stdin: createReadStream(db.path).pipe(counting(flow.meter)), signal });
          const files = member(MEMBERS.files);
          await untarFiles(pods, { stdin: createReadStream(files.path).pipe(counting(flow.meter)), signal });
          flow.meter.complete();
          await finishInto(flow, target, manifest.source.url);
        },
      );
    }),
  );
}

/** Streams one command's output into another's input, counting bytes; either failing stops both. */
async function pipeBetween(
  meter: ProgressMeter,
  outer: AbortSignal,
  produce: (o: { onChunk: (c: Buffer) => void; signal: AbortSignal }) => Promise<void>,
  consume: (o: { stdin: PassThrough; signal: AbortSignal }) => Promise<void>,
): Promise<void> {
  const pass = new PassThrough();
  const stop = new AbortController();
  const onOuter = () => stop.abort();
  outer.addEventListener('abort', onOuter, { once: true });
  const producing = produce({
    signal: stop.signal,
    onChunk: (chunk) => {
      pass.write(chunk);
      meter.add(chunk.length);
    },
  }).then(
    () => void pass.end(),
    (error: unknown) => {
      stop.abort();
      pass.destroy();
      throw error;
    },
  );
  const consuming = consume({ stdin: pass, signal: stop.signal }).catch((error: unknown) => {
    stop.abort();
    throw error;
  });
  const [a, b] = await Promise.allSettled([producing, consuming]);
  outer.removeEventListener('abort', onOuter);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
}

export function runClone(
  flow: FlowDeps,
  source: Store,
  request: { name: string; adminEmail?: string },
): Promise<Result<Outcome>> {
  return plainly(async () => {
    const from = await open(flow, source);
    const total = await estimateSize(from.pods, flow.signal);
    return intoNewStore(
      flow,
      {
        name: request.name,
        adminEmail: request.adminEmail ?? source.adminEmail,
        plan: source.plan,
        context: source.context,
      },
      async (target) => {
        const to = await open(flow, target);
        flow.meter.begin('copying', total);
        await pipeBetween(
          flow.meter,
          flow.signal,
          (o) => dumpDatabase(from.pods, o),
          (o) => loadDatabase(to.pods, o),
        );
        await pipeBetween(
          flow.meter,
          flow.signal,
          (o) => tarFiles(from.pods, o),
          (o) => untarFiles(to.pods, o),
        );
        flow.meter.complete();
        await finishInto(flow, target, source.url ?? '');
      },
    );
  });
}
