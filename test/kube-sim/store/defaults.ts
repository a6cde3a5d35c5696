import type { KubeObject, ResourceKey, Rng } from '../types.js';

// Server-side defaulting as the real API server applies it on every write (SetDefaults_*),
// so clients and controllers see the same defaulted fields a cluster would return.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function setIfAbsent(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

function defaultContainer(c: Obj): void {
  const image = String(c.image ?? '');
  const tag = image.includes('@') ? 'digest' : (image.split('/').pop() ?? '').split(':')[1];
  setIfAbsent(c, 'imagePullPolicy', !tag || tag === 'latest' ? 'Always' : 'IfNotPresent');
  setIfAbsent(c, 'terminationMessagePath', '/dev/termination-log');
  setIfAbsent(c, 'terminationMessagePolicy', 'File');
  setIfAbsent(c, 'resources', {});
  for (const p of (c.ports as Obj[] | undefined) ?? []) setIfAbsent(p, 'protocol', 'TCP');
}

export function defaultPodSpec(spec: Obj | undefined): void {
  if (!spec) return;
  setIfAbsent(spec, 'restartPolicy', 'Always');
  setIfAbsent(spec, 'dnsPolicy', 'ClusterFirst');
  setIfAbsent(spec, 'terminationGracePeriodSeconds', 30);
  setIfAbsent(spec, 'schedulerName', 'default-scheduler');
  setIfAbsent(spec, 'securityContext', {});
  for (const c of [
    ...((spec.containers as Obj[] | undefined) ?? []),
    ...((spec.initContainers as Obj[] | undefined) ?? []),
  ])
    defaultContainer(c);
}

function allocateClusterIp(rng: Rng): string {
  return `10.96.${rng.int(256)}.${2 + rng.int(252)}`;
}

function defaultService(obj: KubeObject, old: KubeObject | undefined, rng: Rng): void {
  const spec = (obj.spec ??= {}) as Obj;
  setIfAbsent(spec, 'type', 'ClusterIP');
  setIfAbsent(spec, 'sessionAffinity', 'None');
  for (const p of (spec.ports as Obj[] | undefined) ?? []) {
    setIfAbsent(p, 'protocol', 'TCP');
    setIfAbsent(p, 'targetPort', p.port);
  }
  if (spec.type === 'ExternalName') return;
  // A PUT that omits the allocated clusterIP keeps the old one (the registry patches it back).
  if (!spec.clusterIP && old?.spec?.clusterIP) spec.clusterIP = old.spec.clusterIP;
  if (!spec.clusterIP) spec.clusterIP = allocateClusterIp(rng);
  if (spec.clusterIP !== 'None') setIfAbsent(spec, 'clusterIPs', [spec.clusterIP]);
  setIfAbsent(spec, 'ipFamilies', ['IPv4']);
  setIfAbsent(spec, 'ipFamilyPolicy', 'SingleStack');
  setIfAbsent(spec, 'internalTrafficPolicy', 'Cluster');
}

function defaultSecret(obj: KubeObject): void {
  setIfAbsent(obj, 'type', 'Opaque');
  // stringData is write-only: merged into data (base64) and never stored.
  const stringData = obj.stringData as Record<string, string> | undefined;
  if (stringData) {
    const data = ((obj.data as Record<string, string> | undefined) ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries(stringData))
      data[k] = Buffer.from(String(v), 'utf8').toString('base64');
    obj.data = data;
    delete obj.stringData;
  }
}

/** Applies defaults in place; `old` is set on updates. */
export function applyDefaults(
  key: ResourceKey,
  obj: KubeObject,
  old: KubeObject | undefined,
  rng: Rng,
): void {
  const spec = obj.spec as Obj | undefined;
  switch (key) {
    case 'namespaces': {
      obj.metadata.labels = {
        ...(obj.metadata.labels ?? {}),
        'kubernetes.io/metadata.name': obj.metadata.name,
      };
      if (!old) {
        obj.spec = { finalizers: ['kubernetes'], ...(spec ?? {}) };
        obj.status = { phase: 'Active' };
      }
      break;
    }
    case 'pods':
      defaultPodSpec(spec);
      if (!old) obj.status = { phase: 'Pending', ...((obj.status as Obj | undefined) ?? {}) };
      break;
    case 'deployments.apps':
      if (!spec) break;
      setIfAbsent(spec, 'replicas', 1);
      setIfAbsent(spec, 'strategy', { type: 'RollingUpdate' });
      if (spec.strategy.type === 'RollingUpdate')
        setIfAbsent(spec.strategy, 'rollingUpdate', { maxUnavailable: '25%', maxSurge: '25%' });
      setIfAbsent(spec, 'revisionHistoryLimit', 10);
      setIfAbsent(spec, 'progressDeadlineSeconds', 600);
      defaultPodSpec(spec.template?.spec);
      break;
    case 'statefulsets.apps':
      if (!spec) break;
      setIfAbsent(spec, 'replicas', 1);
      setIfAbsent(spec, 'podManagementPolicy', 'OrderedReady');
      setIfAbsent(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
      setIfAbsent(spec, 'revisionHistoryLimit', 10);
      defaultPodSpec(spec.template?.spec);
      break;
    case 'jobs.batch':
      if (!spec) break;
      setIfAbsent(spec, 'parallelism', 1);
      setIfAbsent(spec, 'completions', 1);
      setIfAbsent(spec, 'backoffLimit', 6);
      setIfAbsent(spec, 'completionMode', 'NonIndexed');
      setIfAbsent(spec, 'suspend', false);
      defaultPodSpec(spec.template?.spec);
      break;
    case 'services':
      defaultService(obj, old, rng);
      break;
    case 'secrets':
      defaultSecret(obj);
      break;
    case 'persistentvolumeclaims':
      if (spec) setIfAbsent(spec, 'volumeMode', 'Filesystem');
      if (!old) obj.status = { phase: 'Pending', ...((obj.status as Obj | undefined) ?? {}) };
      break;
    case 'storageclasses.storage.k8s.io':
      setIfAbsent(obj, 'reclaimPolicy', 'Delete');
      setIfAbsent(obj, 'volumeBindingMode', 'Immediate');
      break;
    case 'networkpolicies.networking.k8s.io':
      if (spec && !spec.policyTypes) spec.policyTypes = spec.egress ? ['Ingress', 'Egress'] : ['Ingress'];
      break;
  }
}

/** Pod QoS class from the containers' final (post-LimitRange) resources. */
function qosClass(spec: Obj): string {
  const containers = (spec.containers as Obj[] | undefined) ?? [];
  const res = containers.map((c) => (c.resources ?? {}) as { requests?: Obj; limits?: Obj });
  if (res.every((r) => !Object.keys(r.requests ?? {}).length && !Object.keys(r.limits ?? {}).length))
    return 'BestEffort';
  const guaranteed = res.every((r) =>
    ['cpu', 'memory'].every(
      (k) =>
        r.limits?.[k] !== undefined &&
        (r.requests?.[k] === undefined || String(r.requests[k]) === String(r.limits[k])),
    ),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Defaults computed after admission and uid assignment: pod QoS, a Job's generated selector and labels. */
export function applyCreateDefaults(key: ResourceKey, obj: KubeObject): void {
  if (key === 'pods' && obj.spec) obj.status = { ...(obj.status ?? {}), qosClass: qosClass(obj.spec as Obj) };
  if (key !== 'jobs.batch' || !obj.spec || obj.spec.manualSelector) return;
  const uid = obj.metadata.uid as string;
  const labels = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': obj.metadata.name,
    'controller-uid': uid,
    'job-name': obj.metadata.name,
  };
  obj.spec.selector ??= { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  const template = (obj.spec.template ??= {});
  template.metadata = {
    ...(template.metadata ?? {}),
    labels: { ...(template.metadata?.labels ?? {}), ...labels },
  };
}
