// A running (or finished) backup, restore or clone: a progress bar with bytes, rate and ETA,
// then the outcome in words.
import { formatProgress, phaseLabel } from '../../../../preload/backup-format';
import type { Progress } from './backup.state';

export function BackupProgress({ progress, label }: { progress: Progress; label: string }) {
  if (progress.done) {
    return progress.error ? (
      <p className="feedback feedback-error" role="alert">
        {progress.error.message}
      </p>
    ) : (
      <p className="feedback" role="status">
        {label} finished{progress.result?.path ? `: saved to ${progress.result.path}` : ''}
      </p>
    );
  }
  const known = progress.bytesTotal !== null && progress.bytesTotal > 0;
  return (
    <div className="backup-progress">
      <progress
        aria-label={`${label} progress: ${phaseLabel(progress.phase)}`}
        max={known ? (progress.bytesTotal ?? 1) : undefined}
        value={known ? progress.bytesDone : undefined}
      />
      <p className="muted" aria-live="polite">
        {formatProgress(progress)}
      </p>
    </div>
  );
}

/** A backup, restore or clone as the user sees it: the request's refusal, else its progress. */
export function OperationOutcome({
  error,
  progress,
  label,
}: {
  /** The request itself was refused (before any progress). */
  error: string | null;
  progress: Progress | null;
  label: string;
}) {
  return (
    <>
      {error && (
        <p className="feedback feedback-error" role="alert">
          {error}
        </p>
      )}
      {progress && <BackupProgress progress={progress} label={label} />}
    </>
  );
}
