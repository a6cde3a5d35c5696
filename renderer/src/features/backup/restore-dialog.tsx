// "Restore from backup" (store list header): pick an archive — a file dialog on the desktop,
// a file upload to the host in the web UI — name the new store, and follow the restore. The
// archive is checked before anything is created; a damaged one is refused with the reason.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { uploadArchive } from '../../api/upload-archive';
import { useAppStores } from '../../app-stores-context';
import { BusyButton } from '../../shared/busy-button';
import { useModal } from '../../shared/use-modal';
import { OperationOutcome } from './backup-progress';
import { createOperationStore } from './backup.state';

export function RestoreButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Restore from backup
      </button>
      <RestoreDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function RestoreDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { api, transport } = useAppStores();
  const dialog = useModal(open);
  const operation = useMemo(() => createOperationStore(api), [api]);
  useEffect(() => () => operation.getState().dispose(), [operation]);
  const { starting, progress, error } = useStore(operation);
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const running = starting || Boolean(progress && !progress.done);

  async function choose() {
    const picked = await api.chooseRestoreArchive({});
    if (picked.ok) setPath(picked.value.path);
    else setPickError(picked.error.message);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await operation.getState().start(async () => {
      let archive = path;
      if (transport !== 'desktop') {
        if (!file)
          return { ok: false, error: { code: 'invalid_request', message: 'Choose a backup archive' } };
        const uploaded = await uploadArchive(file);
        if (!uploaded.ok) return uploaded;
        archive = uploaded.value.path;
      }
      return api.restoreStore({ archive: archive ?? '', name });
    });
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="restore-title" onClose={onClose}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="restore-title">Restore from backup</h2>
        <p className="dialog-text">
          Creates a new store from a Storedeck backup (.storedeck.tar.gz): its database and files, with the
          new store's own URL and passwords.
        </p>
        {transport === 'desktop' ? (
          <div className="action-row">
            <button type="button" onClick={() => void choose()}>
              Choose archive…
            </button>
            <span className="muted">{path ?? 'No archive chosen'}</span>
          </div>
        ) : (
          <label>
            Backup archive
            <input
              type="file"
              accept=".gz,application/gzip"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
        )}
        <label>
          Name of the new store
          <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </label>
        <OperationOutcome error={error ?? pickError} progress={progress} label="Restore" />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {progress?.done ? 'Close' : 'Cancel'}
          </button>
          <BusyButton
            type="submit"
            className="primary"
            busy={running}
            busyText="Restoring…"
            disabled={!name.trim() || (transport === 'desktop' ? !path : !file)}
          >
            Restore
          </BusyButton>
        </div>
      </form>
    </dialog>
  );
}
