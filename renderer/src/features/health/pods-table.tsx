import type { StoreHealth } from '../../../../preload/contract';
import { DataTable } from '../../shared/data-table';
import { formatAmount, formatUptime } from '../../shared/format';

type Pod = StoreHealth['pods'][number];
type Container = Pod['containers'][number];

// A container that ran to completion (the setup job's) is done, not failing.
const containerStateClass = (c: Container) =>
  c.ready ? 'state-ok' : c.state === 'terminated' && c.reason === 'Completed' ? 'state-done' : 'state-bad';

function Amounts({ cpu, memory }: { cpu: string | null; memory: string | null }) {
  return (
    <>
      {formatAmount(cpu)} <span className="muted">cpu</span> · {formatAmount(memory)}{' '}
      <span className="muted">mem</span>
    </>
  );
}

function PodRows({ pod }: { pod: Pod }) {
  return (
    <>
      <tr className="pod-row">
        <th scope="row">
          <span className="pod-name">{pod.name}</span>
          {pod.component && <span className="chip">{pod.component}</span>}
        </th>
        <td>
          <span className={`phase phase-${pod.phase.toLowerCase()}`}>{pod.phase}</span>
        </td>
        <td>{pod.phase === 'Succeeded' ? 'Done' : pod.ready ? 'Ready' : 'Not ready'}</td>
        <td>{pod.restarts}</td>
        <td>{formatUptime(pod.uptimeSeconds)}</td>
        <td className="muted">{pod.node ?? '—'}</td>
      </tr>
      {pod.containers.map((c) => (
        <tr key={c.name} className="container-row">
          <td colSpan={6}>
            <span className="container-name">{c.name}</span>
            <span className="muted container-image">{c.image}</span>
            <span className={`state ${containerStateClass(c)}`}>
              {c.state}
              {c.reason ? ` (${c.reason})` : ''}
            </span>
            <span className="container-resources">
              requests <Amounts {...c.requests} /> — limits <Amounts {...c.limits} />
            </span>
          </td>
        </tr>
      ))}
    </>
  );
}

const POD_COLUMNS = ['Pod', 'Phase', 'Ready', 'Restarts', 'Uptime', 'Node'];

export function PodsTable({ pods }: { pods: Pod[] }) {
  if (pods.length === 0) return <p className="muted">No pods in this store's namespace right now.</p>;
  return (
    <DataTable caption="Pods" columns={POD_COLUMNS}>
      {pods.map((pod) => (
        <PodRows key={pod.name} pod={pod} />
      ))}
    </DataTable>
  );
}
