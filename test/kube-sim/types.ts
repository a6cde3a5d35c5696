// The seam between the simulator's HTTP/API layer (server, verbs, watch, SSA) and its
// controllers (namespaces, deployments → pods, jobs, PVCs, quota, logs, exec, faults).
// The API layer owns the object store; controllers only see it through these interfaces.

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: Array<{
    apiVersion: string;
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
    blockOwnerDeletion?: boolean;
  }>;
  managedFields?: unknown[];
  generateName?: string;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  status?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  [key: string]: unknown;
}

/** One served resource type, e.g. { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment' }. */
export interface ResourceType {
  group: string; // '' for core
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  /** Subresources served, e.g. ['status', 'log', 'exec']. */
  subresources?: string[];
}

/** Key of a resource type used across the sim: 'pods', 'deployments.apps', 'jobs.batch', ... */
export type ResourceKey = string;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  key: ResourceKey;
  object: KubeObject;
  resourceVersion: number;
}

/** Thrown by store operations and admission; the server turns it into a real Status object. */
export class StatusError extends Error {
  constructor(
    public readonly code: number,
    public readonly reason: string,
    message: string,
    public readonly details?: {
      name?: string;
      group?: string;
      kind?: string;
      causes?: Array<{ reason: string; message: string; field: string }>;
      retryAfterSeconds?: number;
    },
  ) {
    super(message);
  }
}

/** The parts of metav1.DeleteOptions the store acts on (preconditions and Orphan are the API layer's). */
export interface StoreDeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  /** Refuse with 409 unless the object still has this uid (the kubelet's and GC's precondition). */
  uid?: string;
}

/** The object store the API layer serves. All writes bump the global resourceVersion. */
export interface ObjectStore {
  readonly types: ResourceType[];
  typeOf(key: ResourceKey): ResourceType;
  get(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined;
  list(key: ResourceKey, namespace?: string): KubeObject[];
  /**
   * get() and list() without the copy, for controllers that only read (the namespace
   * controller's scan, the event router): the stored objects themselves, never to be changed.
   */
  peek(key: ResourceKey, namespace: string | undefined, name: string): Readonly<KubeObject> | undefined;
  peekList(key: ResourceKey, namespace?: string): ReadonlyArray<Readonly<KubeObject>>;
  /** Assigns uid, resourceVersion, creationTimestamp, generation=1; runs admission. */
  create(key: ResourceKey, obj: KubeObject): KubeObject;
  /** Full replace by a controller or client; bumps generation when spec changed. */
  update(key: ResourceKey, obj: KubeObject): KubeObject;
  /** Status-only write (never bumps generation). */
  updateStatus(key: ResourceKey, obj: KubeObject): KubeObject;
  /**
   * Delete: pods gracefully (deletionTimestamp = end of the grace period, MODIFIED; the kubelet
   * removes them), objects with finalizers (or Foreground) keep a deletionTimestamp (MODIFIED);
   * otherwise removed (DELETED). Returns the object as it was last seen.
   */
  delete(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
    opts?: StoreDeleteOptions,
  ): KubeObject | undefined;
  /** Every committed change, in resourceVersion order. Returns an unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void;
  currentResourceVersion(): number;
}

/** Admission runs inside store.create/update before the write is committed; throw StatusError to reject. */
export type AdmissionPlugin = (
  op: 'CREATE' | 'UPDATE',
  key: ResourceKey,
  obj: KubeObject,
  old: KubeObject | undefined,
  store: ObjectStore,
) => void;

/** Seeded, reproducible randomness (mulberry32 or similar). */
export interface Rng {
  next(): number; // [0,1)
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** Lowercase alphanumeric suffix like Kubernetes' generateName (5 chars) or pod-template-hash (10 chars). */
  suffix(length: number): string;
}

/** The sim's clock: real time scaled by the profile's timeScale; every timer the controllers use goes through it. */
export interface SimClock {
  now(): number; // epoch ms
  setTimeout(fn: () => void, simMs: number): { cancel(): void };
}

/** Timings (simulated ms) and faults; see profiles/*.json. */
export interface SimProfile {
  name: string;
  /** Real ms = simulated ms × timeScale (0.01 replays a realistic run 100× faster). */
  timeScale: number;
  timings: {
    imagePullMs: number | Record<string, number>; // per image prefix, e.g. { "mysql": 25000, "*": 5000 }
    containerStartMs: number;
    readyAfterStartMs: number | Record<string, number>;
    jobRunMs: number | Record<string, number>;
    namespaceTerminationMs: number;
    pvcBindMs: number;
    /** First back-off (sim ms) of image pull retries, crash-loop restarts and Job retries; doubles each time (kubelet: 10 s). */
    backoffBaseMs?: number;
    /** Ceiling of those back-offs (kubelet: 300 s). */
    backoffMaxMs?: number;
    /**
     * How long a deleted pod's containers take to stop after SIGTERM; the pod is removed after
     * this or its grace period, whichever is shorter. Absent: the whole grace period (a process
     * that ignores SIGTERM, the worst case).
     */
    podTerminationMs?: number;
    /** Sim ms the quota controller takes to recompute status.used after a change (default 500). */
    quotaSyncMs?: number;
  };
  faults: FaultConfig;
  /** Node names, control plane first (default two: sim-node-1, sim-node-2); Kind's is one `<cluster>-control-plane`. */
  nodes?: string[];
  kubelet?: {
    /** One image pull at a time per node, queued in request order (the kubelet's serializeImagePulls, true upstream). */
    serializeImagePulls?: boolean;
  };
  /** Image sizes in bytes per image prefix (with a "*" fallback): a pull then takes imagePullMs + size / pullBytesPerSecond. */
  imageSizeBytes?: number | Record<string, number>;
  pullBytesPerSecond?: number;
}

export interface FaultConfig {
  /** Fraction (0..1) of API requests answered with 500/503/429 (429 carries Retry-After). */
  errorRate?: number;
  /** Fraction of requests whose connection is destroyed without a response. */
  dropRate?: number;
  /** Added latency per request, uniform between min and max ms. */
  latencyMs?: { min: number; max: number };
  /** Watch streams are closed by the server after this many (real) seconds. */
  watchCutAfterSeconds?: number;
  /** Containers whose image matches this regex end in ErrImagePull → ImagePullBackOff. */
  imagePullFailPattern?: string;
  /** Containers whose image matches this regex crash on start (CrashLoopBackOff). */
  crashLoopPattern?: string;
  /** Job pods whose job name matches fail (the Job fails after backoffLimit). */
  jobFailPattern?: string;
  /** Namespaces whose name matches get a finalizer that never clears (deletion hangs). */
  hangNamespacePattern?: string;
  /** Containers whose image matches never pass their readinessProbe (Unhealthy events, never Ready). */
  readinessProbeFailPattern?: string;
  /** Containers whose image matches fail their livenessProbe: killed and restarted (CrashLoopBackOff). */
  livenessProbeFailPattern?: string;
  /** Containers whose image matches cannot be created by the runtime (CreateContainerError). */
  createContainerErrorPattern?: string;
  /** WaitForFirstConsumer claims whose StorageClass name matches fail to provision (ProvisioningFailed). */
  provisioningFailPattern?: string;
  /** Containers whose `<pod>/<container>` matches crash on start (an init container: Init:CrashLoopBackOff). */
  containerCrashPattern?: string;
  /** Containers whose `<pod>/<container>` matches never pass their readinessProbe. */
  containerUnreadyPattern?: string;
}
