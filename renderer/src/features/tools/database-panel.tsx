// "Open database": a loopback port forwarded to the store's database, with what a desktop
// client (TablePlus, DBeaver, the mysql CLI) needs to connect. Closed when the tab closes.
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { BusyButton } from '../../shared/busy-button';
import { CopyButton } from '../../shared/copy-button';
import { useClusterDown } from '../stores/use-cluster-down';
import { createDatabaseStore, type OpenDatabase } from './database.state';

function connectCommand(db: OpenDatabase): string {
  return db.engine === 'mysql'
    ? `mysql -h ${db.host} -P ${db.port} -u ${db.user} -p ${db.database}`
    : `psql "postgresql://${db.user}@${db.host}:${db.port}/${db.database}"`;
}

export function DatabasePanel({ store }: { store: Store }) {
  const { api } = useAppStores();
  const database = useMemo(() => createDatabaseStore(api, store.id), [api, store.id]);
  const { opening, open, error } = useStore(database);
  useEffect(() => () => void database.getState().close(), [database]);
  const down = useClusterDown();
  const possible =
    (store.status === 'Ready' || store.status === 'Failed' || store.status === 'Provisioning') && !down;

  return (
    <section className="action-group" aria-labelledby="database-title">
      <h3 id="database-title">Database</h3>
      <p className="muted">
        Forwards the store's database to a port on this computer (127.0.0.1 only) while this tab is open.
      </p>
      {open ? (
        <>
          <dl className="connection" aria-label="Database connection">
            <dt>Host</dt>
            <dd>{open.host}</dd>
            <dt>Port</dt>
            <dd>{open.port}</dd>
            <dt>Database</dt>
            <dd>{open.database}</dd>
            <dt>User</dt>
            <dd>{open.user}</dd>
            <dt>Password</dt>
            <dd>
              ••••••••• <CopyButton value={open.password} label="Copy database password" />
            </dd>
            <dt>Command</dt>
            <dd>
              <code>{connectCommand(open)}</code>
            </dd>
          </dl>
          <button type="button" onClick={() => void database.getState().close()}>
            Close database connection
          </button>
        </>
      ) : (
        <BusyButton
          busy={opening}
          busyText="Connecting…"
          disabled={!possible}
          title={down ? `${down}: the database can be forwarded once it answers` : undefined}
          onClick={() => void database.getState().openDatabase()}
        >
          Open database
        </BusyButton>
      )}
      {error && (
        <p className="feedback feedback-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
