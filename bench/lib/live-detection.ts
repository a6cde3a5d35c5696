// How soon the live-status hub notices what breaks a Ready store, in real milliseconds, against a
// kube-sim process: a pod that stops being ready (Degraded), a Deployment deleted (Drifted, its
// pods go with it) and Services deleted by hand in several stores at once (Drifted; nothing but
// the Service itself changes, so a polling hub finds it only on its sweep).
import { request } from 'node:https';
import type { LiveStatus, Store } from '../../preload/contract';
import type { KubeClient } from '../../main/kube/client';
import { KINDS } from '../../main/kube/kinds';
import type { EventBus } from '../../main/primitives/event-bus';
import { withTimeout } from './bench-kit';

export interface Detection {
  degradedMs: number;
  deploymentDriftMs: number;
  /** Services deleted in `services.count` stores at the same instant: when each was noticed. */
  serviceDrift: { count: number; meanMs: number; maxMs: number };
}

/** The first liveStatus of a store that matches, within ms. */
export function nextVerdict(
  bus: EventBus,
  storeId: string,
  match: (live: LiveStatus) => boolean,
  ms: number,
  what: string,
): Promise<LiveStatus> {
  let off = () => undefined as void;
  const seen = new Promise<LiveStatus>((resolve) => {
    off = bus.subscribe((name, payload) => {
      const live = payload as LiveStatus;
      if (name === 'liveStatus' && live.storeId === storeId && match(live)) resolve(live);
    });
  });
  return withTimeout(seen, ms, what).finally(off);
}

/** PUT /_sim/faults on a CLI-run sim, authenticated as the kubeconfig's user. */
async function setSimFaults(client: KubeClient, faults: Record<string, unknown>): Promise<void> {
  const kc = client.kubeConfig;
  const url = new URL('/_sim/faults', kc.getCurrentCluster()?.server);
  const options: { headers?: Record<string, string> } & Record<string, unknown> = {};
  await kc.applyToHTTPSOptions(options);
  const body = JSON.stringify(faults);
  await new Promise<void>((resolve, reject) => {
    const req = request(
      url,
      {
        ...options,
        method: 'PUT',
        headers: { ...options.headers, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`sim faults: HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const since = (t: number) => Math.round(performance.now() - t);

/** probe: a store with all its objects and running pods (Ready); drifting: Ready stores to delete Services of. */
export async function measureDetection(
  client: KubeClient,
  bus: EventBus,
  probe: Store,
  drifting: Store[],
  sweepBoundMs: number,
): Promise<Detection> {
  const pods = await client.list(KINDS.Pod, { namespace: probe.namespace });
  const wordpress = pods.items.filter((p) => p.metadata?.name?.startsWith('wordpress-'));
  await setSimFaults(client, { readinessProbeFailPattern: '^wordpress:' });
  const degraded = nextVerdict(bus, probe.id, (l) => l.state === 'Degraded', 60_000, 'Degraded');
  let t = performance.now();
  for (const pod of wordpress) await client.remove(KINDS.Pod, probe.namespace, pod.metadata!.name!);
  await degraded;
  const degradedMs = since(t);
  await setSimFaults(client, { readinessProbeFailPattern: null });

  const gone = nextVerdict(
    bus,
    probe.id,
    (l) => l.drifted.includes('Deployment/mysql'),
    60_000,
    'Drifted after a Deployment delete',
  );
  t = performance.now();
  await client.remove(KINDS.Deployment, probe.namespace, 'mysql');
  await gone;
  const deploymentDriftMs = since(t);

  t = performance.now();
  const noticed = drifting.map((store) =>
    nextVerdict(
      bus,
      store.id,
      (l) => l.drifted.includes('Service/wordpress'),
      sweepBoundMs + 30_000,
      `Drifted after a Service delete in ${store.namespace}`,
    ).then(() => since(t)),
  );
  await Promise.all(drifting.map((store) => client.remove(KINDS.Service, store.namespace, 'wordpress')));
  const delays = await Promise.all(noticed);
  return {
    degradedMs,
    deploymentDriftMs,
    serviceDrift: {
      count: delays.length,
      meanMs: Math.round(delays.reduce((a, b) => a + b, 0) / delays.length),
      maxMs: Math.max(...delays),
    },
  };
}
