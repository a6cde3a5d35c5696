// Tools tab: "Back up" writes the store to one archive file (the backups folder of the data
// dir), "Clone" copies it into a new store. Both need pods/exec: without it they are disabled
// and say which right is missing. A plan without them (Medusa, for now) says so.
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { BusyButton } from '../../shared/busy-button';
import { useClusterDown } from '../stores/use-cluster-down';
import { OperationOutcome } from './backup-progress';
import { createOperationStore } from './backup.state';
import { useExecAccess } from './use-exec-access';

type Props = { store: Store; available: boolean; planLabel: string };

export function BackupPanel({ store, available, planLabel }: Props) {
  const { api } = useAppStores();
  const backup = useMemo(() => createOperationStore(api), [api]);
  const clone = useMemo(() => createOperationStore(api), [api]);
  useEffect(() => () => backup.getState().dispose(), [backup]);
  useEffect(() => () => clone.getState().dispose(), [clone]);
  const b = useStore(backup);
  const c = useStore(clone);
  const [copyName, setCopyName] = useState(`${store.name} copy`.slice(0, 40));
  const access = useExecAccess(store);
  const down = useClusterDown();

  if (!available)
    return (
      <section className="action-group" aria-labelledby="backup-title">
        <h3 id="backup-title">Backup and clone</h3>
        <p className="muted">Backup, restore and clone are not available for the {planLabel} plan yet.</p>
      </section>
    );

  const reason = down
    ? `${down}: backup and clone are possible again once it answers`
    : store.status !== 'Ready'
      ? `Available once the store is Ready (it is ${store.status})`
      : access.reason;
  const running = (p: typeof b.progress) => Boolean(p && !p.done);
  return (
    <section className="action-group" aria-labelledby="backup-title">
      <h3 id="backup-title">Backup and clone</h3>
      <p className="muted">
        A backup is one file with the database and wp-content (uploads, plugins, themes); a clone copies them
        into a new store with its own URL and passwords.
      </p>
      {reason && (
        <p className="muted" id="backup-disabled-reason">
          {reason}
        </p>
      )}
      <div className="action-row">
        <BusyButton
          busy={b.starting || running(b.progress)}
          busyText="Backing up…"
          disabled={Boolean(reason)}
          aria-describedby={reason ? 'backup-disabled-reason' : undefined}
          onClick={() => void backup.getState().start(() => api.backupStore({ id: store.id }))}
        >
          Back up store
        </BusyButton>
        {running(b.progress) && (
          <button type="button" onClick={() => void backup.getState().cancel()}>
            Cancel backup
          </button>
        )}
      </div>
      <OperationOutcome error={b.error} progress={b.progress} label="Backup" />
      <form
        className="action-row"
        onSubmit={(event) => {
          event.preventDefault();
          void clone.getState().start(() => api.cloneStore({ id: store.id, name: copyName }));
        }}
      >
        <label>
          Name of the copy
          <input value={copyName} maxLength={40} onChange={(e) => setCopyName(e.target.value)} />
        </label>
        <BusyButton
          type="submit"
          busy={c.starting || running(c.progress)}
          busyText="Cloning…"
          disabled={Boolean(reason) || !copyName.trim()}
          aria-describedby={reason ? 'backup-disabled-reason' : undefined}
        >
          Clone store
        </BusyButton>
      </form>
      <OperationOutcome error={c.error} progress={c.progress} label="Clone" />
    </section>
  );
}
