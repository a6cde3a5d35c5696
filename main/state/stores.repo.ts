// The stores table: the desired store (plan, name, slug, context, email, settings snapshot,
// generation) and its last observed status, as the contract's Store.
import { randomUUID } from 'node:crypto';
import {
  PlanSchema,
  StoreStatusSchema,
  err,
  ok,
  type Plan,
  type Result,
  type Store,
  type StoreStatus,
} from '../../preload/contract';
import type { Db } from './db';
import { isoNow, type Clock } from './time';
import {
  parseStoreDesired,
  serializeStoreDesired,
  type StoreDesired,
  type StoreDesiredInput,
} from './store-desired.schema';

export interface NewStore {
  /** Defaults to a random UUID. */
  id?: string;
  name: string;
  slug: string;
  namespace: string;
  plan: Plan;
  context: string;
  adminEmail: string;
  /** Defaults to Queued. */
  status?: StoreStatus;
  desired?: StoreDesiredInput;
}

/** Fields that travel with a status change: undefined keeps the stored value, null clears it. */
export interface StatusExtra {
  url?: string | null;
  adminUrl?: string | null;
  errorStep?: string | null;
  errorMessage?: string | null;
  provisionedAt?: string | null;
}

export interface DesiredState {
  desired: StoreDesired;
  generation: number;
}

export const UNFINISHED_STATUSES: readonly StoreStatus[] = ['Queued', 'Provisioning', 'Deleting'];

interface StoreRow {
  id: string;
  name: string;
  slug: string;
  namespace: string;
  status: string;
  plan: string;
  context: string;
  url: string | null;
  admin_url: string | null;
  admin_email: string;
  error_step: string | null;
  error_message: string | null;
  created_at: string;
  provisioned_at: string | null;
  updated_at: string;
}

const STORE_COLUMNS =
  'id, name, slug, namespace, status, plan, context, url, admin_url, admin_email, error_step, ' +
  'error_message, created_at, provisioned_at, updated_at';

function toStore(row: StoreRow): Store {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    namespace: row.namespace,
    status: StoreStatusSchema.parse(row.status),
    plan: PlanSchema.parse(row.plan),
    context: row.context,
    url: row.url,
    adminUrl: row.admin_url,
    adminEmail: row.admin_email,
    errorStep: row.error_step,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    provisionedAt: row.provisioned_at,
    updatedAt: row.updated_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export class StoresRepo {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = isoNow,
  ) {}

  /** A conflict error value when the slug is taken in that context (or the id is reused). */
  insert(input: NewStore): Result<Store> {
    const id = input.id ?? randomUUID();
    const at = this.now();
    const desired = serializeStoreDesired(input.desired ?? {});
    try {
      this.db
        .prepare(
          `INSERT INTO stores (id, name, slug, namespace, status, plan, context, admin_email,
             created_at, updated_at, desired_json, generation)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
        )
        .run(
          id,
          input.name,
          input.slug,
          input.namespace,
          input.status ?? 'Queued',
          input.plan,
          input.context,
          input.adminEmail,
          at,
          at,
          desired,
        );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = this.getBySlug(input.context, input.slug);
      return err(
        'conflict',
        existing
          ? `Store "${existing.name}" already uses the slug "${input.slug}" in context "${input.context}"`
          : `A store with id "${id}" already exists`,
      );
    }
    return ok(this.require(id));
  }

  get(id: string): Store | null {
    const row = this.db.prepare(`SELECT ${STORE_COLUMNS} FROM stores WHERE id = ?`).get(id) as
      StoreRow | undefined;
    return row ? toStore(row) : null;
  }

  getBySlug(context: string, slug: string): Store | null {
    const row = this.db
      .prepare(`SELECT ${STORE_COLUMNS} FROM stores WHERE context = ? AND slug = ?`)
      .get(context, slug) as StoreRow | undefined;
    return row ? toStore(row) : null;
  }

  /** Oldest first; every context when none is given. */
  list(context?: string): Store[] {
    const rows = (
      context === undefined
        ? this.db.prepare(`SELECT ${STORE_COLUMNS} FROM stores ORDER BY created_at, rowid`).all()
        : this.db
            .prepare(`SELECT ${STORE_COLUMNS} FROM stores WHERE context = ? ORDER BY created_at, rowid`)
            .all(context)
    ) as StoreRow[];
    return rows.map(toStore);
  }

  /** Stores a crash may have interrupted: the engine resumes each of them on start. */
  listUnfinished(): Store[] {
    const rows = this.db
      .prepare(
        `SELECT ${STORE_COLUMNS} FROM stores WHERE status IN (${UNFINISHED_STATUSES.map(() => '?').join(', ')})
         ORDER BY created_at, rowid`,
      )
      .all(...UNFINISHED_STATUSES) as StoreRow[];
    return rows.map(toStore);
  }

  countByContext(context: string): number {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM stores WHERE context = ?').get(context) as {
      n: number;
    };
    return row.n;
  }

  /** Returns the updated store, or null when it no longer exists. */
  setStatus(id: string, status: StoreStatus, extra: StatusExtra = {}): Store | null {
    const columns: Array<[string, string | null | undefined]> = [
      ['url', extra.url],
      ['admin_url', extra.adminUrl],
      ['error_step', extra.errorStep],
      ['error_message', extra.errorMessage],
      ['provisioned_at', extra.provisionedAt],
    ];
    const given = columns.filter((column): column is [string, string | null] => column[1] !== undefined);
    const sets = ['status = ?', 'updated_at = ?', ...given.map(([column]) => `${column} = ?`)];
    const result = this.db
      .prepare(`UPDATE stores SET ${sets.join(', ')} WHERE id = ?`)
      .run(status, this.now(), ...given.map(([, value]) => value), id);
    return result.changes > 0 ? this.require(id) : null;
  }

  clearError(id: string): Store | null {
    const result = this.db
      .prepare('UPDATE stores SET error_step = NULL, error_message = NULL, updated_at = ? WHERE id = ?')
      .run(this.now(), id);
    return result.changes > 0 ? this.require(id) : null;
  }

  /** A retry starts a new generation; returns it, or null when the store no longer exists. */
  /**
   * Runs check-then-write work (admission: slug free, under the context limit, insert) in one
   * IMMEDIATE transaction, so two processes on one data dir cannot both pass the same check.
   */
  exclusively<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Marks the row changed (updated_at) so the process doing the cluster work notices a request. */
  touch(id: string): Store | null {
    const current = this.get(id);
    if (!current) return null;
    // Other processes see changes by updated_at: a touch in the same millisecond must still move it.
    let at = this.now();
    if (at <= current.updatedAt) at = new Date(Date.parse(current.updatedAt) + 1).toISOString();
    this.db.prepare('UPDATE stores SET updated_at = ? WHERE id = ?').run(at, id);
    return this.get(id);
  }

  bumpGeneration(id: string): number | null {
    const row = this.db
      .prepare(
        'UPDATE stores SET generation = generation + 1, updated_at = ? WHERE id = ? RETURNING generation',
      )
      .get(this.now(), id) as { generation: number } | undefined;
    return row ? row.generation : null;
  }

  getDesired(id: string): DesiredState | null {
    const row = this.db.prepare('SELECT desired_json, generation FROM stores WHERE id = ?').get(id) as
      { desired_json: string; generation: number } | undefined;
    if (!row) return null;
    try {
      return { desired: parseStoreDesired(row.desired_json), generation: row.generation };
    } catch (error) {
      throw new Error(`Store ${id}: ${(error as Error).message}`);
    }
  }

  /** Replaces the snapshot (only known keys are kept); false when the store no longer exists. */
  setDesired(id: string, desired: StoreDesiredInput): boolean {
    const result = this.db
      .prepare('UPDATE stores SET desired_json = ?, updated_at = ? WHERE id = ?')
      .run(serializeStoreDesired(desired), this.now(), id);
    return result.changes > 0;
  }

  /** Deletes the row (its timeline cascades; the audit log stays). */
  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM stores WHERE id = ?').run(id).changes > 0;
  }

  private require(id: string): Store {
    const store = this.get(id);
    if (!store) throw new Error(`Store ${id} vanished during a write`);
    return store;
  }
}
