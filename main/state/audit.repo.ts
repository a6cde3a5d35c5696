// The audit log: every create, delete, restart, password reset and retry. Rows are never tied to
// a store row, so they survive the store's deletion.
import type { AuditEntry } from '../../preload/contract';
import type { Db } from './db';
import { isoNow, type Clock } from './time';

export interface NewAuditEntry {
  /** e.g. "create", "delete", "restart", "reset-password", "retry". */
  action: string;
  /** e.g. "store". */
  resource: string;
  /** The resource's human name (the store name), kept so the entry reads well after deletion. */
  name: string;
  details?: string;
  /** Who did it: the transport and OS user, e.g. "desktop:alice". */
  actor: string;
}

const COLUMNS = 'id, action, resource, name, details, actor, timestamp';

export class AuditRepo {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = isoNow,
  ) {}

  add(entry: NewAuditEntry): AuditEntry {
    return this.db
      .prepare(
        `INSERT INTO audit_log (action, resource, name, details, actor, timestamp)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
      )
      .get(
        entry.action,
        entry.resource,
        entry.name,
        entry.details ?? '',
        entry.actor,
        this.now(),
      ) as AuditEntry;
  }

  /** Newest first, at most `limit` entries. */
  list(limit: number): AuditEntry[] {
    const bounded = Math.max(0, Math.trunc(limit));
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY id DESC LIMIT ?`)
      .all(bounded) as AuditEntry[];
  }
}
