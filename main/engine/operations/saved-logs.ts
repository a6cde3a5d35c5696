// Reading a saved setup log the way a live one is read: the last N lines, with or without the
// kubelet's timestamp prefix it was saved with.
import { err, ok, type Result, type SavedLog } from '../../../preload/contract';

/** One store's saved logs, as the engine needs them (SavedLogsRepo bound to a store id). */
export interface SavedLogs {
  list(): SavedLog[];
  read(pod?: string): { meta: SavedLog; lines: string[] } | null;
}

export const NO_SAVED_LOGS: SavedLogs = { list: () => [], read: () => null };

// Saved with timestamps=true: RFC3339NanoFixed, then one space.
const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) /;

export function stripTimestamp(line: string): string {
  return line.replace(STAMP, '');
}

export function readSavedLog(
  saved: SavedLogs,
  request: { pod?: string; tailLines: number; timestamps?: boolean },
): Result<{ pod: string; container: string; lines: string[] }> {
  // 'setup' is the component's name, not a pod's: it means the newest saved setup log.
  const pod = request.pod === 'setup' ? undefined : request.pod;
  const found = saved.read(pod);
  if (!found)
    return err(
      'not_found',
      pod ? `No saved log of pod ${pod}` : 'No setup job log has been saved for this store',
    );
  const tail = found.lines.slice(-request.tailLines);
  return ok({
    pod: found.meta.pod,
    container: found.meta.container,
    lines: request.timestamps ? tail : tail.map(stripTimestamp),
  });
}
