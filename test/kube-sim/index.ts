import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { installControllers } from './controllers/index.js';
import { DEFAULT_PROFILE, loadProfile } from './profiles/load-profile.js';
import { deriveRng } from './rng.js';
import { kindNodeLabels, seedCluster, type ClusterFlavour } from './seed-cluster.js';
import { DEFAULT_NODE_NAMES } from './controllers/nodes.js';
import { seedRbac } from './seed-rbac.js';
import { rbacEscalationAdmission } from './server/auth/escalation.js';
import { validatingPolicyAdmission } from './server/admission-policy/validating-policy.js';
import { createTokenIssuer, ISSUER, type TokenIssuer } from './server/auth/tokens.js';
import type { AccessDenial } from './server/handlers/access-review.js';
import { buildKubeconfig, type KubeconfigObject } from './server/kubeconfig.js';
import { mergeFaults } from './server/faults.js';
import type { RequestLogEntry } from './server/request-log.js';
import { startServer } from './server/server.js';
import { createServiceProxy, type ServiceBackends } from './service-proxy/service-proxy.js';
import type { FakeWooCommerce } from './service-proxy/fake-woocommerce.js';
import { generateServingCerts } from './server/tls.js';
import { createSimClock, type ManagedSimClock } from './sim-clock.js';
import type { PortBackend } from './server/handlers/pod-portforward.js';
import { createObjectStore, type SimObjectStore } from './store/object-store.js';
import { RESOURCE_TYPES } from './store/resource-types.js';
import type { FaultConfig, SimProfile } from './types.js';

export interface KubeSimOptions {
  port?: number;
  /** 'kind' (default: one node, serialized pulls, real durations replayed 100×), 'fast', 'realistic', a JSON file path, or a profile object. */
  profile?: string | SimProfile;
  seed?: number;
  /** Merged over the profile's faults. */
  faults?: FaultConfig;
  /** Bearer token clients must send (random when omitted). */
  token?: string;
  cluster?: ClusterFlavour;
  /** Seed an IngressClass + controller pod / a default StorageClass (both default true). */
  ingress?: boolean;
  storageClass?: boolean;
  /** Epoch ms the sim clock starts at (pin it to make timestamps reproducible too). */
  startMs?: number;
  /** Watch history size: how far back a watch can resume before 410 Gone. */
  historySize?: number;
  /** Real ms between watch BOOKMARK events. */
  bookmarkIntervalMs?: number;
}

export interface KubeSim {
  url: string;
  kubeconfig: string;
  kubeconfigObject: KubeconfigObject;
  writeKubeconfig(path: string): Promise<void>;
  /** The same cluster as another bearer-token user (e.g. a ServiceAccount token from TokenRequest). */
  kubeconfigForToken(token: string): string;
  /** The admin as Kind and k3s write it: client-certificate-data + client-key-data (mTLS), no token. */
  clientCertKubeconfig: string;
  store: SimObjectStore;
  clock: ManagedSimClock;
  profile: SimProfile;
  token: string;
  /** Issues ServiceAccount tokens directly (what `POST .../serviceaccounts/<n>/token` returns). */
  tokens: TokenIssuer;
  faults(): FaultConfig;
  setFaults(partial: Partial<Record<keyof FaultConfig, unknown>>): FaultConfig;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  setAccessDenied(list: AccessDenial[]): void;
  /** Names what answers on pods' ports for pods/portforward (nothing does until a test says). */
  setPortBackend(backend: PortBackend | undefined): void;
  /** services/proxy backends a test serves itself (on 127.0.0.1). */
  serviceBackends: ServiceBackends;
  /** The fake WooCommerce every WordPress Service answers with by default (orders, faults). */
  woocommerce: FakeWooCommerce;
  stop(): Promise<void>;
}

/** Starts store, controllers and the HTTPS API server; everything seeded from `seed`. */
export async function startKubeSim(options: KubeSimOptions = {}): Promise<KubeSim> {
  const profile = loadProfile(options.profile ?? DEFAULT_PROFILE);
  const seed = options.seed ?? 1;
  const clock = createSimClock(
    profile.timeScale,
    options.startMs !== undefined ? { startMs: options.startMs } : {},
  );
  let faults: FaultConfig = { ...profile.faults, ...(options.faults ?? {}) };
  let denied: AccessDenial[] = [];
  let portBackend: PortBackend | undefined;
  const store = createObjectStore({
    types: RESOURCE_TYPES,
    now: clock.now,
    rng: deriveRng(seed, 'store'),
    historySize: options.historySize,
  });
  const controlPlane = profile.nodes?.[0] ?? (DEFAULT_NODE_NAMES[0] as string);
  seedCluster(store, {
    cluster: options.cluster ?? 'k3s',
    controlPlane,
    ingress: options.ingress,
    storageClass: options.storageClass,
    now: clock.now(),
  });
  const controllers = installControllers({
    store,
    clock,
    rng: deriveRng(seed, 'controllers'),
    profile,
    faults: () => faults,
    nodeLabels: options.cluster === 'kind' ? kindNodeLabels(controlPlane) : {},
  });
  for (const plugin of controllers.admission) store.addAdmission(plugin);
  store.addAdmission(rbacEscalationAdmission);
  store.addAdmission(validatingPolicyAdmission);
  seedRbac(store, options.cluster ?? 'k3s');
  // The apiserver's --api-audiences: k3s adds its own name to the in-cluster issuer URL.
  const tokens = createTokenIssuer(options.cluster === 'kind' ? [ISSUER] : [ISSUER, 'k3s'], clock.now);

  const token = options.token ?? randomBytes(24).toString('hex');
  // Kind's admin certificate is kubernetes-admin in kubeadm:cluster-admins (bound to cluster-admin); k3s's is system:admin in system:masters.
  const certs = await generateServingCerts(
    options.cluster === 'kind'
      ? { user: 'kubernetes-admin', groups: ['kubeadm:cluster-admins'] }
      : { user: 'system:admin', groups: ['system:masters'] },
  );
  const serviceProxy = createServiceProxy(store, controllers.sites);
  await serviceProxy.start();
  const setFaults = (partial: Partial<Record<keyof FaultConfig, unknown>>): FaultConfig =>
    (faults = mergeFaults(faults, partial));
  const server = await startServer({
    store,
    runtime: controllers,
    certs,
    token,
    tokens,
    port: options.port,
    gitVersion: options.cluster === 'kind' ? 'v1.33.1' : 'v1.33.1+k3s1',
    now: clock.now,
    faultRng: deriveRng(seed, 'http-faults'),
    faults: () => faults,
    setFaults,
    accessDenied: () => denied,
    setAccessDenied: (list) => (denied = [...list]),
    bookmarkIntervalMs: options.bookmarkIntervalMs,
    // A test's backend first; a WordPress pod with WooCommerce active answers as the fake shop.
    portBackend: () => (namespace, pod, port) =>
      portBackend?.(namespace, pod, port) ?? serviceProxy.podBackend(namespace, pod, port),
    serviceProxy,
  });
  const { object, yaml } = buildKubeconfig(server.url, certs.caCert, token);

  return {
    url: server.url,
    kubeconfig: yaml,
    kubeconfigObject: object,
    writeKubeconfig: (path) => writeFile(path, yaml, { mode: 0o600 }),
    kubeconfigForToken: (userToken) => buildKubeconfig(server.url, certs.caCert, userToken).yaml,
    clientCertKubeconfig: buildKubeconfig(server.url, certs.caCert, certs.client).yaml,
    store,
    clock,
    profile,
    token,
    tokens,
    faults: () => faults,
    setFaults,
    requests: server.requests,
    clearRequests: server.clearRequests,
    setAccessDenied: (list) => (denied = [...list]),
    setPortBackend: (backend) => (portBackend = backend),
    serviceBackends: serviceProxy.backends,
    woocommerce: serviceProxy.woocommerce,
    stop: async () => {
      controllers.stop();
      clock.stop();
      await serviceProxy.stop();
      await server.stop();
    },
  };
}
