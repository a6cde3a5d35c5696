import { request } from 'node:https';
import {
  ApiException,
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  NetworkingV1Api,
} from '@kubernetes/client-node';
import { startKubeSim, type KubeSim, type KubeSimOptions } from './index.js';

export interface SimClients {
  sim: KubeSim;
  kc: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  net: NetworkingV1Api;
  objects: KubernetesObjectApi;
}

/** A sim plus client-node clients built from the kubeconfig it hands out (TLS verified against its CA). */
export async function startWithClients(options: KubeSimOptions = {}): Promise<SimClients> {
  const sim = await startKubeSim({ seed: 7, ...options });
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  return {
    sim,
    kc,
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    batch: kc.makeApiClient(BatchV1Api),
    net: kc.makeApiClient(NetworkingV1Api),
    objects: KubernetesObjectApi.makeApiClient(kc),
  };
}

export interface StatusBody {
  kind: string;
  apiVersion: string;
  status: string;
  message: string;
  reason: string;
  code: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: Array<{ reason: string; message: string; field: string }>;
    retryAfterSeconds?: number;
  };
}

/** The ApiException a call fails with, its Status body parsed. Fails the test if the call succeeds. */
export async function failure(
  call: Promise<unknown>,
): Promise<{ code: number; status: StatusBody; headers: Record<string, string> }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof ApiException)) throw e;
    const raw: unknown = e.body;
    const status = (typeof raw === 'string' ? JSON.parse(raw) : raw) as StatusBody;
    return { code: e.code, status, headers: e.headers };
  }
  throw new Error('expected the call to fail');
}

export const deployment = (name: string, namespace: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27.0' }] },
    },
    ...extra,
  },
});

/** A plain HTTPS call to the sim trusting its CA, for what client-node hides (401 bodies, admin endpoints). */
export function rawCall(
  sim: KubeSim,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = sim.token,
): Promise<{ status: number; json: unknown }> {
  const ca = Buffer.from(
    sim.kubeconfigObject.clusters[0]?.cluster['certificate-authority-data'] ?? '',
    'base64',
  );
  return new Promise((resolve, reject) => {
    const headers = {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    };
    const req = request(`${sim.url}${path}`, { method, ca, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as unknown) : undefined }),
      );
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
