// Applies pending migrations in order, each in its own IMMEDIATE transaction recorded in
// schema_migrations, so a crash mid-upgrade leaves the database at the last whole version and
// two processes opening the same file never apply a step twice.
import type Database from 'better-sqlite3';
import type { Migration } from './migrations/migration';

export interface MigrationReport {
  /** Version before this run (0 for a fresh database). */
  from: number;
  /** Version after this run. */
  to: number;
  /** Versions applied by this run, in order. */
  applied: number[];
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration list is out of order: position ${index + 1} holds version ${migration.version} (${migration.name})`,
      );
    }
  });
}

export function schemaVersion(db: Database.Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
    version: number | null;
  };
  return row.version ?? 0;
}

export function migrate(db: Database.Database, migrations: readonly Migration[]): MigrationReport {
  assertOrdered(migrations);
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )
  `);
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new Error(
      `The database is at schema version ${from}, newer than this Storedeck knows (${latest}); ` +
        'it was written by a newer version — upgrade Storedeck instead of opening it with this one',
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of migrations.slice(from)) {
    const step = db.transaction(() => {
      // Another process may have applied it between our read and our write lock.
      if (schemaVersion(db) >= migration.version) return false;
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
      return true;
    });
    if (step.immediate()) applied.push(migration.version);
  }
  return { from, to: schemaVersion(db), applied };
}
