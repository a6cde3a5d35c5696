import type { ObjectStore } from './types.js';

export type ClusterFlavour = 'k3s' | 'kind';

export interface SeedOptions {
  cluster: ClusterFlavour;
  /** Seed an IngressClass and a running controller pod (default true). */
  ingress?: boolean;
  /** Seed the flavour's default StorageClass (default true). */
  storageClass?: boolean;
  /** Start time (epoch ms) for the controller pod's status timestamps. */
  now: number;
  /** The node the controller pod runs on (the control plane: the profile's first node). */
  controlPlane?: string;
}

/**
 * Node labels of a Kind cluster made from charts/kind/ (on its control plane): kind sets the role,
 * our config adds ingress-ready=true, which the ingress controller's hostPorts are pinned to.
 */
export const kindNodeLabels = (controlPlane: string): Readonly<Record<string, Record<string, string>>> => ({
  [controlPlane]: { 'node-role.kubernetes.io/control-plane': '', 'ingress-ready': 'true' },
});

const iso = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * What a fresh small cluster already has: system namespaces, the default StorageClass
 * (k3s: local-path; Kind: standard, both rancher.io/local-path with WaitForFirstConsumer) and a
 * Traefik IngressClass marked default with a running controller pod (k3s ships it in kube-system).
 */
export function seedCluster(store: ObjectStore, opts: SeedOptions): void {
  const ns = (name: string): void =>
    void store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) ns(name);
  if (opts.cluster === 'kind') ns('local-path-storage');

  if (opts.storageClass !== false) {
    store.create('storageclasses.storage.k8s.io', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: opts.cluster === 'kind' ? 'standard' : 'local-path',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
  }

  if (opts.ingress === false) return;
  // k3s runs Traefik in kube-system; on Kind we install it into its own namespace like the Helm chart does.
  const controllerNs = opts.cluster === 'kind' ? 'traefik' : 'kube-system';
  if (controllerNs !== 'kube-system') ns(controllerNs);
  store.create('ingressclasses.networking.k8s.io', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: {
      name: 'traefik',
      annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
      labels: { 'app.kubernetes.io/name': 'traefik' },
    },
    spec: { controller: 'traefik.io/ingress-controller' },
  });
  const started = iso(opts.now);
  const pod = store.create('pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'traefik-5d45fc8cc9-x7k2p',
      namespace: controllerNs,
      labels: {
        'app.kubernetes.io/name': 'traefik',
        'app.kubernetes.io/instance': `traefik-${controllerNs}`,
        'pod-template-hash': '5d45fc8cc9',
      },
    },
    spec: {
      nodeName: opts.controlPlane ?? 'sim-node-1',
      containers: [
        {
          name: 'traefik',
          image: 'rancher/mirrored-library-traefik:3.3.6',
          ports: [
            { name: 'web', containerPort: 8000 },
            { name: 'websecure', containerPort: 8443 },
          ],
        },
      ],
    },
  });
  store.updateStatus('pods', {
    ...pod,
    status: {
      phase: 'Running',
      qosClass: 'BestEffort',
      hostIP: '172.18.0.2',
      podIP: '10.42.0.5',
      startTime: started,
      conditions: [
        'PodReadyToStartContainers',
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map((type) => ({ type, status: 'True', lastTransitionTime: started })),
      containerStatuses: [
        {
          name: 'traefik',
          image: 'docker.io/rancher/mirrored-library-traefik:3.3.6',
          imageID:
            'docker.io/rancher/mirrored-library-traefik@sha256:0a0c3bd7f5ba1e5d3b1a4c5f0e2d0b7c6a9e8f1d2c3b4a5968778695a4b3c2d1',
          containerID: 'containerd://4b1f0c2e9d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c',
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: started } },
        },
      ],
    },
  });
}
