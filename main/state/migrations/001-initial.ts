// The first schema: stores, their provisioning timeline, and the audit log. Passwords never
// land here; they live only in Kubernetes Secrets.
import type { Migration } from './migration';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE stores (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        slug           TEXT NOT NULL,
        namespace      TEXT NOT NULL,
        status         TEXT NOT NULL
                       CHECK (status IN ('Queued', 'Provisioning', 'Ready', 'Failed', 'Deleting')),
        plan           TEXT NOT NULL,
        context        TEXT NOT NULL,
        url            TEXT,
        admin_url      TEXT,
        admin_email    TEXT NOT NULL,
        error_step     TEXT,
        error_message  TEXT,
        created_at     TEXT NOT NULL,
        provisioned_at TEXT,
        updated_at     TEXT NOT NULL,
        UNIQUE (context, slug)
      );
      CREATE INDEX stores_status ON stores (status);

      CREATE TABLE provisioning_events (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        store_id  TEXT NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
        step      TEXT NOT NULL,
        status    TEXT NOT NULL CHECK (status IN ('started', 'completed', 'failed')),
        message   TEXT NOT NULL,
        timestamp TEXT NOT NULL
      );
      CREATE INDEX provisioning_events_store ON provisioning_events (store_id, id);

      -- No foreign key: audit entries outlive the store they describe.
      CREATE TABLE audit_log (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        action    TEXT NOT NULL,
        resource  TEXT NOT NULL,
        name      TEXT NOT NULL,
        details   TEXT NOT NULL DEFAULT '',
        actor     TEXT NOT NULL,
        timestamp TEXT NOT NULL
      );
    `);
  },
};
