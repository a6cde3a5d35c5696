// A step a killed process left open (started, never completed or failed) is closed by the next
// worker as 'interrupted'. SQLite cannot alter a CHECK constraint, so the timeline table is
// rebuilt with the fourth status, keeping every row, its id and the index.
import type { Migration } from './migration';

export const interruptedSteps: Migration = {
  version: 4,
  name: 'interrupted-steps',
  up(db) {
    db.exec(`
      CREATE TABLE provisioning_events_v4 (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        store_id  TEXT NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
        step      TEXT NOT NULL,
        status    TEXT NOT NULL CHECK (status IN ('started', 'completed', 'failed', 'interrupted')),
        message   TEXT NOT NULL,
        timestamp TEXT NOT NULL
      );
      INSERT INTO provisioning_events_v4 (id, store_id, step, status, message, timestamp)
        SELECT id, store_id, step, status, message, timestamp FROM provisioning_events;
      DROP TABLE provisioning_events;
      ALTER TABLE provisioning_events_v4 RENAME TO provisioning_events;
      CREATE INDEX provisioning_events_store ON provisioning_events (store_id, id);
    `);
  },
};
