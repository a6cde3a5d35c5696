// Realistic API object shapes (as kubelet, scheduler and controllers write them) for diagnosis tests.
import { expect } from 'vitest';
import type { Diagnosis, ObservedState } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { diagnoseWooCommerce } from './diagnose';

const NS = 'store-corner-shop';
const labels = (component: string) => ({
  'app.kubernetes.io/managed-by': 'storedeck',
  'app.kubernetes.io/component': component,
});

export const observed = (parts: Partial<ObservedState> = {}): ObservedState => ({
  pods: [],
  pvcs: [],
  events: [],
  deployments: [],
  jobs: [],
  storageClasses: [],
  ...parts,
});

interface PodOptions {
  phase?: string;
  node?: string | null;
  ready?: boolean;
  waiting?: { reason: string; message?: string };
  restarts?: number;
  lastTerminated?: { reason: string; exitCode: number };
  unschedulable?: string;
  claim?: string;
  deleting?: boolean;
}

export function pod(name: string, component: string, image: string, o: PodOptions = {}): KubeObject {
  const container = component === 'setup' ? 'wp-cli' : component;
  const conditions = o.unschedulable
    ? [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: o.unschedulable }]
    : [
        { type: 'PodScheduled', status: 'True' },
        {
          type: 'Ready',
          status: o.ready ? 'True' : 'False',
          ...(o.ready ? {} : { reason: 'ContainersNotReady' }),
        },
      ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: NS,
      labels: labels(component),
      ...(o.deleting ? { deletionTimestamp: '2026-11-27T10:10:00Z' } : {}),
    },
    spec: {
      ...(o.node === null || o.unschedulable ? {} : { nodeName: o.node ?? 'kind-control-plane' }),
      containers: [{ name: container, image }],
      volumes: o.claim ? [{ name: 'data', persistentVolumeClaim: { claimName: o.claim } }] : [],
    },
    status: {
      phase: o.phase ?? (o.unschedulable ? 'Pending' : o.waiting ? 'Pending' : 'Running'),
      conditions,
      ...(o.unschedulable
        ? {}
        : {
            containerStatuses: [
              {
                name: container,
                image: `docker.io/library/${image}`,
                ready: o.ready ?? false,
                restartCount: o.restarts ?? 0,
                state: o.waiting
                  ? { waiting: o.waiting }
                  : { running: { startedAt: '2026-11-27T10:00:05Z' } },
                ...(o.lastTerminated ? { lastState: { terminated: o.lastTerminated } } : {}),
              },
            ],
          }),
    },
  };
}

export function pvc(
  name: string,
  component: string,
  storageClassName: string | null,
  phase = 'Pending',
  annotations?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: NS, labels: labels(component), ...(annotations ? { annotations } : {}) },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      ...(storageClassName ? { storageClassName } : {}),
    },
    status: { phase },
  };
}

export function storageClass(
  name: string,
  mode: 'WaitForFirstConsumer' | 'Immediate',
  isDefault = false,
): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}),
    },
    provisioner: 'rancher.io/local-path',
    volumeBindingMode: mode,
    reclaimPolicy: 'Delete',
  };
}

export function event(
  kind: string,
  name: string,
  reason: string,
  message: string,
  times: { first?: string; last?: string; count?: number } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.17a9b2c3d4e5f6a7`, namespace: NS },
    involvedObject: { kind, name, namespace: NS },
    reason,
    message,
    type: reason === 'WaitForFirstConsumer' ? 'Normal' : 'Warning',
    count: times.count ?? 1,
    firstTimestamp: times.first ?? '2026-11-27T10:00:00Z',
    lastTimestamp: times.last ?? times.first ?? '2026-11-27T10:00:00Z',
  };
}

export function deployment(name: string, component: string, conditions: object[] = []): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS, labels: labels(component), generation: 1 },
    spec: { replicas: 1 },
    status: { observedGeneration: 1, replicas: 0, conditions },
  };
}

export function job(name: string, component: string, status: object): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: NS, labels: labels(component) },
    spec: { backoffLimit: 3 },
    status,
  };
}

export type Expected = Pick<Diagnosis, 'step' | 'cause' | 'terminal'> & { says: (string | RegExp)[] };
export type DiagnosisCase = [name: string, state: ObservedState, expected: Expected | null];

/** Diagnoses the state and checks step, cause, terminal flag and the phrases the message must hold. */
export function expectDiagnosis(state: ObservedState, expected: Expected | null): void {
  const result = diagnoseWooCommerce(state);
  if (expected === null) {
    expect(result).toBeNull();
    return;
  }
  const { says, ...shape } = expected;
  expect(result).toMatchObject(shape);
  for (const phrase of says) expect(result?.message).toMatch(phrase);
}
