// Setup-job logs kept after the job is gone: the last MAX_SAVED_LOG_BYTES of each job pod's
// log, stored with the kubelet's timestamps (the reader strips them when not asked for), newest
// MAX_SAVED_PER_STORE per store. Rows cascade away with their store.
import { MAX_SAVED_LOG_BYTES, type SavedLog } from '../../preload/contract';
import type { Db } from './db';
import { isoNow, type Clock } from './time';

/** Retries make new job pods; a store keeps its newest few logs, not every attempt's. */
export const MAX_SAVED_PER_STORE = 5;

export interface NewSavedLog {
  pod: string;
  container: string;
  component: string;
  outcome: SavedLog['outcome'];
  lines: string[];
}

interface Row {
  pod: string;
  container: string;
  component: string;
  outcome: string;
  line_count: number;
  truncated: number;
  saved_at: string;
}

const META = 'pod, container, component, outcome, line_count, truncated, saved_at';

function toMeta(row: Row): SavedLog {
  return {
    pod: row.pod,
    container: row.container,
    component: row.component,
    outcome: row.outcome === 'failed' ? 'failed' : 'complete',
    savedAt: row.saved_at,
    lineCount: row.line_count,
    truncated: row.truncated === 1,
  };
}

/** The newest whole lines that fit in `maxBytes` (UTF-8), and whether any were left out. */
export function lastBytes(lines: string[], maxBytes: number): { lines: string[]; truncated: boolean } {
  let bytes = 0;
  let start = lines.length;
  while (start > 0) {
    const size = Buffer.byteLength(lines[start - 1] as string, 'utf8') + 1;
    if (bytes + size > maxBytes) break;
    bytes += size;
    start -= 1;
  }
  return { lines: lines.slice(start), truncated: start > 0 };
}

export class SavedLogsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = isoNow,
    private readonly maxBytes = MAX_SAVED_LOG_BYTES,
  ) {}

  /** Saves (or replaces) one pod's log; false when the store is gone. */
  save(storeId: string, log: NewSavedLog): boolean {
    const kept = lastBytes(log.lines, this.maxBytes);
    const write = this.db.transaction(() => {
      const exists = this.db.prepare('SELECT 1 FROM stores WHERE id = ?').get(storeId);
      if (!exists) return false;
      this.db
        .prepare(
          `INSERT INTO saved_logs (store_id, pod, container, component, outcome, content, line_count, truncated, saved_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (store_id, pod, container) DO UPDATE SET
             outcome = excluded.outcome, content = excluded.content, line_count = excluded.line_count,
             truncated = excluded.truncated, saved_at = excluded.saved_at`,
        )
        .run(
          storeId,
          log.pod,
          log.container,
          log.component,
          log.outcome,
          kept.lines.join('\n'),
          kept.lines.length,
          kept.truncated ? 1 : 0,
          this.now(),
        );
      this.db
        .prepare(
          `DELETE FROM saved_logs WHERE store_id = ? AND id NOT IN (
             SELECT id FROM saved_logs WHERE store_id = ? ORDER BY id DESC LIMIT ?)`,
        )
        .run(storeId, storeId, MAX_SAVED_PER_STORE);
      return true;
    });
    return write.immediate();
  }

  /** Newest first. */
  list(storeId: string): SavedLog[] {
    const rows = this.db
      .prepare(`SELECT ${META} FROM saved_logs WHERE store_id = ? ORDER BY id DESC`)
      .all(storeId) as Row[];
    return rows.map(toMeta);
  }

  /** One saved log (a pod name, or the newest), with its lines; null when there is none. */
  read(storeId: string, pod?: string): { meta: SavedLog; lines: string[] } | null {
    const row = (
      pod === undefined
        ? this.db
            .prepare(`SELECT ${META}, content FROM saved_logs WHERE store_id = ? ORDER BY id DESC LIMIT 1`)
            .get(storeId)
        : this.db
            .prepare(
              `SELECT ${META}, content FROM saved_logs WHERE store_id = ? AND pod = ? ORDER BY id DESC LIMIT 1`,
            )
            .get(storeId, pod)
    ) as (Row & { content: string }) | undefined;
    if (!row) return null;
    return { meta: toMeta(row), lines: row.content === '' ? [] : row.content.split('\n') };
  }
}
