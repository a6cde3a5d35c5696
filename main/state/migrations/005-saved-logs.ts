// A setup job's log outlives the job (its TTL removes it and its pod): it is kept as an
// attachment of the store's timeline, one row per job pod, and goes with the store (cascade).
import type { Migration } from './migration';

export const savedLogs: Migration = {
  version: 5,
  name: 'saved-logs',
  up(db) {
    db.exec(`
      CREATE TABLE saved_logs (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        store_id   TEXT NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
        pod        TEXT NOT NULL,
        container  TEXT NOT NULL,
        component  TEXT NOT NULL,
        outcome    TEXT NOT NULL CHECK (outcome IN ('complete', 'failed')),
        content    TEXT NOT NULL,
        line_count INTEGER NOT NULL,
        truncated  INTEGER NOT NULL,
        saved_at   TEXT NOT NULL,
        UNIQUE (store_id, pod, container)
      );
      CREATE INDEX saved_logs_store ON saved_logs (store_id, id);
    `);
  },
};
