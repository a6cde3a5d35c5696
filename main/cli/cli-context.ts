// What every CLI command gets: the validated request path into the service layer, the event
// bus, output streams and the global options. The same dispatch() as IPC and the web host.
import type { ContextHealth, ContractError, RequestName, ResponseOf, Result } from '../../preload/contract';
import type { WorkerHandle, WorkerStatus } from '../api/create-app';
import { dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handler-types';
import type { EventBus } from '../primitives/event-bus';
import { describeError, exitCodeFor, jsonError } from './cli-errors';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: progress may be redrawn in place (else plain lines). */
  tty?: boolean;
}

/** What createApp returns, as far as the CLI is concerned. */
export interface CliApp {
  handlers: Handlers;
  bus: EventBus;
  /** Who runs the passes on this data dir: this process, another one, or nobody right now. */
  worker: Pick<WorkerHandle, 'status'>;
  /** Resolves once no pass for the store is queued or running in this process. */
  engine?: { settled(id: string): Promise<void> };
  /** Checks whether a context answers, every few seconds, until the returned stop is called. */
  probeContext?(context: string, onChange: (health: ContextHealth) => void): () => void;
  close(): Promise<void> | void;
}

export interface CliContext {
  bus: EventBus;
  io: CliIo;
  json: boolean;
  /** Aborted on Ctrl-C: waits and follows stop and the command returns. */
  signal: AbortSignal;
  now(): Date;
  worker(): WorkerStatus;
  /** Resolves when this process has no pass queued or running for the store. */
  settled(id: string): Promise<void>;
  /** Follows whether a context answers (a --wait says so when it does not); returns a stop. */
  watchCluster(context: string, onChange: (health: ContextHealth) => void): () => void;
  /** Asks a yes/no question on the terminal; absent when there is none (then --yes is needed). */
  confirm?: (question: string) => Promise<boolean>;
  /** Raw input on purpose: the contract's schemas validate it, exactly as for IPC. */
  call<K extends RequestName>(name: K, raw: Record<string, unknown>): Promise<Result<ResponseOf<K>>>;
}

export function createCliContext(
  app: CliApp,
  io: CliIo,
  json: boolean,
  signal: AbortSignal,
  confirm?: (question: string) => Promise<boolean>,
): CliContext {
  return {
    ...(confirm ? { confirm } : {}),
    bus: app.bus,
    io,
    json,
    signal,
    now: () => new Date(),
    worker: () => app.worker.status(),
    settled: (id) => app.engine?.settled(id) ?? Promise.resolve(),
    watchCluster: (context, onChange) => app.probeContext?.(context, onChange) ?? (() => undefined),
    call: async (name, raw) => (await dispatch(app.handlers, name, raw)) as Result<ResponseOf<typeof name>>,
  };
}

/** Prints one error line (a JSON object under --json) and returns the exit code it deserves. */
export function reportError(ctx: Pick<CliContext, 'io'> & { json?: boolean }, error: ContractError): number {
  ctx.io.err(ctx.json ? jsonError(error) : `storedeck: ${describeError(error)}\n`);
  return exitCodeFor(error);
}

/** Prints a value as JSON under --json, else the human rendering. */
export function print(ctx: Pick<CliContext, 'io' | 'json'>, value: unknown, human: () => string): void {
  ctx.io.out(ctx.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}
