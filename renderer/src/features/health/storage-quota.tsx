import type { StoreHealth } from '../../../../preload/contract';
import { DataTable, type Column } from '../../shared/data-table';
import { usedFraction } from '../../shared/quantity';

const VOLUME_COLUMNS = ['Claim', 'Phase', 'Capacity', 'Storage class'];
const QUOTA_COLUMNS: Column[] = ['Resource', 'Used', 'Hard', { label: 'Share used', hidden: true }];

export function VolumesTable({ pvcs }: { pvcs: StoreHealth['pvcs'] }) {
  if (pvcs.length === 0) return <p className="muted">No volume claims.</p>;
  return (
    <DataTable caption="Volumes" columns={VOLUME_COLUMNS}>
      {pvcs.map((pvc) => (
        <tr key={pvc.name}>
          <th scope="row">{pvc.name}</th>
          <td>
            <span className={`phase phase-${pvc.phase.toLowerCase()}`}>{pvc.phase}</span>
          </td>
          <td>{pvc.capacity ?? '—'}</td>
          <td>{pvc.storageClass ?? 'cluster default'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function QuotaTable({ quota }: { quota: StoreHealth['quota'] }) {
  if (!quota) return <p className="muted">The namespace has no resource quota.</p>;
  const resources = Object.keys(quota.hard).sort();
  return (
    <DataTable caption="Quota" columns={QUOTA_COLUMNS}>
      {resources.map((resource) => {
        const fraction = usedFraction(quota.used[resource], quota.hard[resource]);
        return (
          <tr key={resource}>
            <th scope="row">{resource}</th>
            <td>{quota.used[resource] ?? '0'}</td>
            <td>{quota.hard[resource]}</td>
            <td>
              {fraction !== null && (
                <meter
                  className="quota-meter"
                  min={0}
                  max={1}
                  low={0.7}
                  high={0.9}
                  optimum={0}
                  value={fraction}
                  aria-label={`${resource} used`}
                />
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
