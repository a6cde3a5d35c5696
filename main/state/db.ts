// Opens Storedeck's SQLite database: WAL (readers never block the engine's writes), foreign keys
// enforced (events cascade with their store), a busy timeout (the app, CLI and web host may share
// the file), and every pending migration applied before anyone reads.
import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** The migration list to apply; tests pass a prefix to build an older database. */
  migrations?: readonly Migration[];
  /** Milliseconds to wait for another connection's write lock before failing. */
  busyTimeoutMs?: number;
}

/**
 * The database holds the store list and audit log: owner-only (0600). Created so before SQLite
 * opens it (SQLite gives its -wal and -shm files the database file's mode), and tightened if an
 * older version left it wider.
 */
function privateFile(file: string): void {
  if (file === ':memory:' || file === '' || process.platform === 'win32') return;
  closeSync(openSync(file, 'a', 0o600));
  const info = statSync(file);
  if ((info.mode & 0o077) !== 0 && info.uid === process.getuid?.()) chmodSync(file, 0o600);
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  privateFile(file);
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    if (file !== ':memory:' && file !== '') db.pragma('journal_mode = WAL');
    // FULL: a committed store survives even power loss, and our write volume is tiny.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? MIGRATIONS);
    reusePreparedStatements(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Distinct SQL texts kept prepared (the repositories use a few dozen; a dynamic UPDATE a few more). */
const MAX_STATEMENTS = 256;

/**
 * Every repository call prepared its SQL anew (parse and plan each time: a store's pass reads
 * its row several times and writes timeline rows). Statements are reused by SQL text; none of
 * the repositories switches a statement's mode (pluck, raw, expand) or iterates one, the two
 * things that would make a shared statement unsafe. SQLite re-prepares a statement itself when
 * the schema changes under it.
 */
function reusePreparedStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}
