export type Verb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'deletecollection'
  | 'connect'
  | 'discovery'
  | 'admin'
  | 'other';

export interface RequestLogEntry {
  method: string;
  /** Path with query string, as requested. */
  path: string;
  /** HTTP status sent; 0 when the connection was dropped by fault injection. */
  status: number;
  durationMs: number;
  verb: Verb;
  /** 'deployments.apps', 'pods', ...; subresource appended as 'pods/log'. */
  resource?: string;
  namespace?: string;
  name?: string;
  fieldManager?: string;
  /** A write the store answered without change (no resourceVersion bump), e.g. an SSA re-apply. */
  noop?: boolean;
  /** The fault injection that answered this request instead of the API, if any. */
  fault?: 'error' | 'drop';
  /** The authenticated user (unset for anonymous requests). */
  user?: string;
  /** Set for watches: how many events were streamed before the stream ended. */
  events?: number;
}

const WRITE_VERBS: ReadonlySet<Verb> = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

/** Writes that reached the store and changed something: what benchmarks count. */
export function isEffectiveWrite(e: RequestLogEntry): boolean {
  return WRITE_VERBS.has(e.verb) && !e.fault && e.status >= 200 && e.status < 300 && !e.noop;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly max = 100_000) {}

  add(e: RequestLogEntry): void {
    this.entries.push(e);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  all(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
