// The data dir's worker lease: the desktop app, the web host and the CLI share one database, and
// only the process holding this lease runs provisioning and deletion passes. A holder refreshes
// its heartbeat; a lease whose heartbeat is older than the staleness bound, or whose process is
// gone from this machine, can be taken over.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from './db';

/** A holder that has not refreshed its heartbeat for this long is presumed dead. */
export const LEASE_STALE_MS = 15_000;

export interface LeaseHolder {
  owner: string;
  pid: number;
  host: string;
  /** Which Storedeck holds it: 'desktop', 'web' or 'cli'. */
  mode: string;
  acquiredAt: string;
  heartbeatAt: string;
  /** False when the heartbeat is stale or the process is gone: the next tryAcquire takes it. */
  live: boolean;
}

export interface WorkerLeaseOptions {
  mode: string;
  /** Defaults to a random id per lease object (one per process start). */
  owner?: string;
  pid?: number;
  host?: string;
  staleMs?: number;
  /** Epoch milliseconds (tests move time). */
  now?: () => number;
  /** Whether a process of this machine still runs (tests pin it). */
  isAlive?: (pid: number) => boolean;
}

interface LeaseRow {
  owner: string;
  pid: number;
  host: string;
  mode: string;
  acquired_at: string;
  heartbeat_at: string;
}

/** Signal 0 checks existence only; EPERM means it exists but belongs to someone else. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class WorkerLease {
  readonly owner: string;
  private readonly pid: number;
  private readonly host: string;
  private readonly staleMs: number;
  private readonly now: () => number;
  private readonly isAlive: (pid: number) => boolean;
  private holding = false;

  constructor(
    private readonly db: Db,
    private readonly options: WorkerLeaseOptions,
  ) {
    this.owner = options.owner ?? randomUUID();
    this.pid = options.pid ?? process.pid;
    this.host = options.host ?? hostname();
    this.staleMs = options.staleMs ?? LEASE_STALE_MS;
    this.now = options.now ?? Date.now;
    this.isAlive = options.isAlive ?? processAlive;
  }

  /** Whether this object held the lease at its last acquire or heartbeat. */
  get held(): boolean {
    return this.holding;
  }

  /** The current holder (possibly this one), or null when nobody holds the lease. */
  holder(): LeaseHolder | null {
    const row = this.read();
    return row ? this.describe(row) : null;
  }

  /**
   * Takes the lease when it is free, already ours, stale or held by a dead process. Read and
   * write happen in one IMMEDIATE transaction, so two processes can never both win.
   */
  tryAcquire(): boolean {
    const take = this.db.transaction(() => {
      const row = this.read();
      const at = new Date(this.now()).toISOString();
      if (row && row.owner === this.owner) {
        this.db.prepare('UPDATE worker_lease SET heartbeat_at = ? WHERE id = 1').run(at);
        return true;
      }
      if (row && this.describe(row).live) return false;
      this.db
        .prepare(
          `INSERT OR REPLACE INTO worker_lease (id, owner, pid, host, mode, acquired_at, heartbeat_at)
           VALUES (1, ?, ?, ?, ?, ?, ?)`,
        )
        .run(this.owner, this.pid, this.host, this.options.mode, at, at);
      return true;
    });
    this.holding = take.immediate();
    return this.holding;
  }

  /** Refreshes the holder's heartbeat; false when the lease was taken over meanwhile. */
  heartbeat(): boolean {
    const at = new Date(this.now()).toISOString();
    const result = this.db
      .prepare('UPDATE worker_lease SET heartbeat_at = ? WHERE id = 1 AND owner = ?')
      .run(at, this.owner);
    this.holding = result.changes > 0;
    return this.holding;
  }

  /** Gives the lease up (only if still ours), so a waiting process takes over at once. */
  release(): void {
    this.db.prepare('DELETE FROM worker_lease WHERE id = 1 AND owner = ?').run(this.owner);
    this.holding = false;
  }

  private read(): LeaseRow | null {
    return (
      (this.db
        .prepare('SELECT owner, pid, host, mode, acquired_at, heartbeat_at FROM worker_lease WHERE id = 1')
        .get() as LeaseRow | undefined) ?? null
    );
  }

  private describe(row: LeaseRow): LeaseHolder {
    const age = this.now() - Date.parse(row.heartbeat_at);
    // An unreadable heartbeat (NaN age) counts as stale; a pid only means something on its own machine.
    const stale = !(age <= this.staleMs);
    const gone = row.host === this.host && row.owner !== this.owner && !this.isAlive(row.pid);
    return {
      owner: row.owner,
      pid: row.pid,
      host: row.host,
      mode: row.mode,
      acquiredAt: row.acquired_at,
      heartbeatAt: row.heartbeat_at,
      live: !gone && !stale,
    };
  }
}
