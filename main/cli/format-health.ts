// Health output: the plan's components, pods, their containers, volumes and quota as aligned sections.
import type { StoreHealth } from '../../preload/contract';
import { formatDuration, formatTable } from './format-table';

const pair = (a: string | null, b: string | null): string => `${a ?? '-'}/${b ?? '-'}`;

export function formatHealth(health: StoreHealth): string {
  const sections: string[] = [];
  if (health.components.length > 0) {
    sections.push(
      formatTable(
        ['component', 'name', 'ready pods'],
        health.components.map((c) => [c.name, c.label, `${c.ready}/${c.pods}`]),
      ),
    );
  }
  if (health.pods.length === 0) {
    sections.push('Pods: none');
  } else {
    sections.push(
      formatTable(
        ['pod', 'component', 'phase', 'ready', 'restarts', 'uptime', 'node'],
        health.pods.map((p) => [
          p.name,
          p.component,
          p.phase,
          p.ready ? 'yes' : 'no',
          p.restarts,
          p.uptimeSeconds === null ? null : formatDuration(p.uptimeSeconds),
          p.node,
        ]),
      ),
      formatTable(
        ['pod', 'container', 'state', 'reason', 'ready', 'restarts', 'cpu req/lim', 'memory req/lim'],
        health.pods.flatMap((p) =>
          p.containers.map((c) => [
            p.name,
            c.name,
            c.state,
            c.reason,
            c.ready ? 'yes' : 'no',
            c.restarts,
            pair(c.requests.cpu, c.limits.cpu),
            pair(c.requests.memory, c.limits.memory),
          ]),
        ),
      ),
    );
  }
  sections.push(
    health.pvcs.length === 0
      ? 'Volumes: none'
      : formatTable(
          ['volume', 'phase', 'capacity', 'class'],
          health.pvcs.map((v) => [v.name, v.phase, v.capacity, v.storageClass]),
        ),
  );
  if (health.quota) {
    const { hard, used } = health.quota;
    const keys = [...new Set([...Object.keys(hard), ...Object.keys(used)])].sort();
    sections.push(
      formatTable(
        ['quota', 'used', 'hard'],
        keys.map((k) => [k, used[k] ?? null, hard[k] ?? null]),
      ),
    );
  } else {
    sections.push('Quota: none');
  }
  sections.push(`Observed at ${health.observedAt}`);
  return sections.join('\n\n');
}
