// One versioned, ordered schema step. Applied at most once per database, inside a transaction.
import type Database from 'better-sqlite3';

export interface Migration {
  /** Strictly increasing, starting at 1; never renumbered once released. */
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
