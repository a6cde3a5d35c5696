// Live log sessions: client-node's Log with follow: true, split into lines and emitted as the
// contract's logLines events. Each session has an id; it ends when the stream closes, when the
// pod goes away (watched), or when stopped, and always emits one final `ended: true`.
import { randomUUID } from 'node:crypto';
import { Writable, type Readable } from 'node:stream';
import { Log } from '@kubernetes/client-node';
import { err, ok, type ErrorCode, type EventOf, type Result } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { plainMessage, statusOf } from '../../kube/errors';
import { KINDS } from '../../kube/kinds';
import { startWatchSet, type WatchSet } from '../../kube/watch-set';
import { errorCodeOf } from './operation-error';
import { LineSplitter } from './line-splitter';
import type { LogTarget } from './log-target';
import { noPreviousMessage } from './logs';

export type LogLinesEmitter = (payload: EventOf<'logLines'>) => void;

interface Session {
  abort: AbortController | null;
  podWatch: WatchSet | null;
  splitter: LineSplitter;
  ended: boolean;
  pending: string[];
  flushTimer: NodeJS.Timeout | null;
  /** Until start() has returned the id, the caller cannot recognise this session's events. */
  starting: boolean;
}

// Lines arriving within this window travel as one event: a 500-line tail is one message, not 500.
const BATCH_MS = 25;
const BATCH_MAX_LINES = 500;

/** What opening a log stream needs: client-node's Log, or a stand-in in unit tests. */
export type LogOpener = (client: KubeClient) => Pick<Log, 'log'>;

/** What one follow asks the pods/log API for. */
export interface FollowLogOptions {
  tailLines: number;
  previous?: boolean;
  timestamps?: boolean;
}

export interface FollowOptions {
  /** Sessions at once; a renderer that forgets to stop cannot pile up streams without end. */
  maxSessions?: number;
  openLog?: LogOpener;
}

function followError(
  error: unknown,
  namespace: string,
  target: LogTarget,
  previous: boolean,
): [ErrorCode, string] {
  const status = statusOf(error);
  if (status === 404) return ['not_found', `Pod ${target.pod} is gone from ${namespace}`];
  if (status === 400 && previous) return ['invalid_state', noPreviousMessage(target)];
  // The API answers 400 while a container is still waiting to start (or has no previous run).
  if (status === 400)
    return [
      'invalid_state',
      `Container ${target.container} in ${target.pod} is not running yet; try again once it has started`,
    ];
  return [errorCodeOf(error), `Could not follow ${target.pod}/${target.container}: ${plainMessage(error)}`];
}

export class LogFollowRegistry {
  private readonly sessions = new Map<string, Session>();
  private readonly maxSessions: number;
  private readonly openLog: LogOpener;

  constructor(
    private readonly emit: LogLinesEmitter,
    options: FollowOptions = {},
  ) {
    this.maxSessions = options.maxSessions ?? 32;
    this.openLog = options.openLog ?? ((client) => new Log(client.kubeConfig));
  }

  get size(): number {
    return this.sessions.size;
  }

  async start(
    client: KubeClient,
    namespace: string,
    target: LogTarget,
    options: FollowLogOptions,
  ): Promise<Result<{ subscriptionId: string }>> {
    if (this.sessions.size >= this.maxSessions) {
      return err('limit_reached', `Already following ${this.maxSessions} logs; stop one first`);
    }
    const id = randomUUID();
    const session: Session = {
      abort: null,
      podWatch: null,
      ended: false,
      pending: [],
      flushTimer: null,
      starting: true,
      splitter: new LineSplitter((lines) => this.queueLines(session, id, lines)),
    };
    this.sessions.set(id, session);
    const sink = new Writable({
      write: (chunk: Buffer | string, _encoding, callback) => {
        if (!session.ended) session.splitter.push(String(chunk));
        callback();
      },
    });
    // Log pipes the response body into the sink; a body that errors never ends the sink, so the
    // source's close is the reliable end-of-stream signal.
    sink.on('pipe', (source: Readable) => source.once('close', () => this.end(id)));
    sink.once('finish', () => this.end(id));
    const log = this.openLog(client);
    try {
      // Log only pipes on a 200, so a failed attempt leaves the sink untouched and can be retried.
      session.abort = await client.call(() =>
        log.log(namespace, target.pod, target.container, sink, {
          follow: true,
          tailLines: options.tailLines,
          ...(options.previous ? { previous: true } : {}),
          ...(options.timestamps ? { timestamps: true } : {}),
        }),
      );
    } catch (error) {
      this.sessions.delete(id);
      session.ended = true;
      return err(...followError(error, namespace, target, options.previous === true));
    }
    if (session.ended) {
      session.abort.abort();
      return ok({ subscriptionId: id });
    }
    session.starting = false;
    session.podWatch = startWatchSet(
      client,
      KINDS.Pod,
      { namespace, name: target.pod },
      {
        onChange: (items) => {
          if (items.length === 0) this.end(id);
        },
        // Without a pod watch (e.g. no watch permission) the stream's own end still ends the session.
        onFatal: () => undefined,
      },
    );
    return ok({ subscriptionId: id });
  }

  /** Stops a session; false when there is no such (live) session. */
  stop(subscriptionId: string): boolean {
    if (!this.sessions.has(subscriptionId)) return false;
    this.end(subscriptionId);
    return true;
  }

  stopAll(): void {
    for (const id of [...this.sessions.keys()]) this.end(id);
  }

  private queueLines(session: Session, id: string, lines: string[]): void {
    session.pending.push(...lines);
    if (session.pending.length >= BATCH_MAX_LINES) return this.flush(session, id);
    session.flushTimer ??= setTimeout(() => this.flush(session, id), BATCH_MS);
  }

  private flush(session: Session, id: string): void {
    if (session.flushTimer) clearTimeout(session.flushTimer);
    session.flushTimer = null;
    const lines = session.pending.splice(0);
    if (lines.length > 0 && !session.ended) this.emit({ subscriptionId: id, lines, ended: false });
  }

  private end(id: string): void {
    const session = this.sessions.get(id);
    if (!session || session.ended) return;
    session.ended = true;
    this.sessions.delete(id);
    session.podWatch?.stop();
    session.abort?.abort();
    if (session.flushTimer) clearTimeout(session.flushTimer);
    const rest = [...session.pending.splice(0), ...session.splitter.flush()];
    const last = { subscriptionId: id, lines: rest, ended: true };
    // A stream that ends at once (a finished job's pod) must not end before its id is known.
    if (session.starting) setTimeout(() => this.emit(last), BATCH_MS);
    else this.emit(last);
  }
}
