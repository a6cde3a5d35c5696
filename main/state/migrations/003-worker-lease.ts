// One worker per data dir: the app, the web host and the CLI share the database, and only the
// process holding this lease runs provisioning and deletion passes (the others record requests).
import type { Migration } from './migration';

export const workerLease: Migration = {
  version: 3,
  name: 'worker-lease',
  up(db) {
    db.exec(`
      -- At most one row (id is always 1): the current holder, refreshed by its heartbeat.
      CREATE TABLE worker_lease (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        owner        TEXT NOT NULL,
        pid          INTEGER NOT NULL,
        host         TEXT NOT NULL,
        mode         TEXT NOT NULL,
        acquired_at  TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      );
    `);
  },
};
