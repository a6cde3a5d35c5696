import type { StoreHealth } from '../../../../preload/contract';
import { usedFraction } from '../../shared/quantity';

export function VolumesTable({ pvcs }: { pvcs: StoreHealth['pvcs'] }) {
  if (pvcs.length === 0) return <p className="muted">No volume claims.</p>;
  return (
    <table className="data-table">
      <caption>Volumes</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Phase</th>
          <th scope="col">Capacity</th>
          <th scope="col">Storage class</th>
        </tr>
      </thead>
      <tbody>
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
      </tbody>
    </table>
  );
}

export function QuotaTable({ quota }: { quota: StoreHealth['quota'] }) {
  if (!quota) return <p className="muted">The namespace has no resource quota.</p>;
  const resources = Object.keys(quota.hard).sort();
  return (
    <table className="data-table">
      <caption>Quota</caption>
      <thead>
        <tr>
          <th scope="col">Resource</th>
          <th scope="col">Used</th>
          <th scope="col">Hard</th>
          <th scope="col">
            <span className="visually-hidden">Share used</span>
          </th>
        </tr>
      </thead>
      <tbody>
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
      </tbody>
    </table>
  );
}
