// The whole local state behind one call: the migrated database and its repositories.
import { openDatabase, type Db, type OpenDatabaseOptions } from './db';
import { AuditRepo } from './audit.repo';
import { EventsRepo } from './events.repo';
import { SavedLogsRepo } from './saved-logs.repo';
import { SettingsRepo } from './settings.repo';
import { StoresRepo } from './stores.repo';
import { isoNow, type Clock } from './time';

export interface State {
  db: Db;
  stores: StoresRepo;
  events: EventsRepo;
  audit: AuditRepo;
  settings: SettingsRepo;
  savedLogs: SavedLogsRepo;
  close(): void;
}

export interface OpenStateOptions extends OpenDatabaseOptions {
  /** Timestamp source for every repository (tests pin it). */
  clock?: Clock;
}

/** `file` is a path (usually dataFile(dataDir)) or ':memory:'. */
export function openState(file: string, options: OpenStateOptions = {}): State {
  const db = openDatabase(file, options);
  const clock = options.clock ?? isoNow;
  return {
    db,
    stores: new StoresRepo(db, clock),
    events: new EventsRepo(db, clock),
    audit: new AuditRepo(db, clock),
    settings: new SettingsRepo(db),
    savedLogs: new SavedLogsRepo(db, clock),
    close: () => db.close(),
  };
}
