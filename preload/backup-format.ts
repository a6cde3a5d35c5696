// One line of a backup/restore/clone's progress: phase, bytes done of total, rate, time left.
import type { EventOf } from './contract';

type Progress = EventOf<'backupProgress'>;

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 52428800 → "50.0 MB" (binary multiples, as du -h and file managers show them). */
export function formatBytes(n: number): string {
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

const PHASES: Record<Progress['phase'], string> = {
  preparing: 'Preparing',
  downloading: 'Downloading the database and files',
  writing: 'Writing the archive',
  verifying: 'Checking the archive',
  provisioning: 'Creating the new store',
  copying: 'Copying the database and files',
  uploading: 'Loading the database and files',
  finishing: 'Rewriting URLs and flushing caches',
  done: 'Done',
  failed: 'Failed',
};

export const phaseLabel = (phase: Progress['phase']): string => PHASES[phase];

export function formatProgress(p: Progress): string {
  const label = phaseLabel(p.phase);
  if (p.bytesTotal === null && p.bytesDone === 0) return `${label}…`;
  const total = p.bytesTotal === null ? '' : ` / ${formatBytes(p.bytesTotal)}`;
  const pct = p.bytesTotal ? ` (${Math.floor((100 * p.bytesDone) / p.bytesTotal)}%)` : '';
  const rate = p.bytesPerSecond > 0 ? `, ${formatBytes(p.bytesPerSecond)}/s` : '';
  const eta =
    p.etaSeconds !== null && !p.done && p.bytesDone < (p.bytesTotal ?? 0)
      ? `, ${formatDuration(p.etaSeconds)} left`
      : '';
  return `${label}: ${formatBytes(p.bytesDone)}${total}${pct}${rate}${eta}`;
}
