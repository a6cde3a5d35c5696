// The audit log: who did what to which store, newest first.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { BusyButton } from '../../shared/busy-button';
import { DataTable } from '../../shared/data-table';
import { ErrorBanner } from '../../shared/error-banner';
import { formatDateTime } from '../../shared/format';
import { useAppStores } from '../../app-stores-context';

const AUDIT_COLUMNS = ['Time', 'Actor', 'Action', 'Store', 'Details'];

export function AuditView() {
  const { audit } = useAppStores();
  const entries = useStore(audit, (s) => s.entries);
  const loading = useStore(audit, (s) => s.loading);
  const loaded = useStore(audit, (s) => s.loaded);
  const error = useStore(audit, (s) => s.error);

  useEffect(() => {
    void audit.getState().load();
  }, [audit]);

  return (
    <section className="audit" aria-labelledby="audit-heading">
      <div className="section-head">
        <h2 id="audit-heading">Audit log</h2>
        <BusyButton busy={loading} onClick={() => void audit.getState().load()}>
          Refresh
        </BusyButton>
      </div>
      <ErrorBanner error={error} />
      {loaded && entries.length === 0 && !error ? (
        <div className="empty">
          <p className="empty-title">Nothing recorded yet</p>
          <p className="muted">
            Creating, retrying, restarting, resetting passwords and deleting are all recorded here.
          </p>
        </div>
      ) : (
        <div className="table-scroll">
          <DataTable
            className="data-table audit-table"
            caption="Audit entries, newest first"
            captionHidden
            columns={AUDIT_COLUMNS}
          >
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">
                  <time dateTime={entry.timestamp}>{formatDateTime(entry.timestamp)}</time>
                </td>
                <td>{entry.actor}</td>
                <td>
                  <span className={`chip chip-${entry.action}`}>{entry.action}</span>
                </td>
                <th scope="row">
                  {entry.resource === 'store' ? (
                    entry.name
                  ) : (
                    <span className="muted">
                      {entry.name === entry.resource ? entry.resource : `${entry.resource} ${entry.name}`}
                    </span>
                  )}
                </th>
                <td className="audit-details">{entry.details}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}
