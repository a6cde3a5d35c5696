// What the engine reconciles towards: each store's settings snapshot (taken at create time so a
// later settings change does not move a live store) and a generation bumped on every retry;
// plus the app's key/value settings.
import type { Migration } from './migration';

export const desiredState: Migration = {
  version: 2,
  name: 'desired-state',
  up(db) {
    db.exec(`
      ALTER TABLE stores ADD COLUMN desired_json TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE stores ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
