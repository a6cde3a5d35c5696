import type {
  AdmissionPlugin,
  FaultConfig,
  KubeObject,
  ObjectStore,
  Rng,
  SimClock,
  SimProfile,
  StoreEvent,
} from '../types.js';
import { defaultStorageClassAdmission, pvcProtectionAdmission } from './admission/default-storage-class.js';
import { limitRangerAdmission } from './admission/limit-ranger.js';
import { pvcResizeAdmission } from './admission/pvc-resize.js';
import { resourceQuotaAdmission } from './admission/resource-quota.js';
import { installDeploymentController } from './deployment.controller.js';
import { installStatefulSetController } from './statefulset.controller.js';
import { createEventRecorder } from './events.js';
import { createPodExec } from './exec/pod-exec.js';
import { installGarbageCollector } from './garbage-collector.js';
import { installJobController } from './job.controller.js';
import { installKubelet } from './kubelet/kubelet.js';
import type { WpSites } from './kubelet/wp-sites.js';
import { createPodLogs } from './logs/pod-logs.js';
import { controllerOf } from './meta.js';
import { installNamespaceController } from './namespace.controller.js';
import { claimsOf, installPvcController } from './pvc.controller.js';
import { enqueueQuota, installQuotaController } from './quota.controller.js';
import { createRuntime, type Runtime } from './runtime.js';

export { SIM_NODES } from './scheduler.js';

export interface ControllerContext {
  store: ObjectStore;
  clock: SimClock;
  rng: Rng;
  profile: SimProfile;
  faults(): FaultConfig;
  /** Extra labels per node name, e.g. Kind's ingress-ready=true on the control plane. */
  nodeLabels?: Readonly<Record<string, Record<string, string>>>;
}

export interface Controllers {
  /** LimitRange defaulting, ResourceQuota, DefaultStorageClass, pvc-protection; the API layer runs them on create/update, in this order. */
  admission: AdmissionPlugin[];
  podLogs(
    namespace: string,
    pod: string,
    opts: {
      container?: string;
      tailLines?: number;
      follow?: boolean;
      timestamps?: boolean;
      previous?: boolean;
    },
  ): { lines: string[]; follow?: (onLine: (line: string) => void, onEnd: () => void) => () => void };
  podExec(
    namespace: string,
    pod: string,
    container: string | undefined,
    command: string[],
    stdin?: string | Buffer,
  ): Promise<{ stdout: string; stderr: string; exitCode: number; bytes?: Buffer }>;
  /** Each namespace's simulated WordPress database (the service proxy's fake storefront reads it). */
  sites: WpSites;
  /** Reconcile failures kept for debugging (a healthy run has none). */
  errors(): Array<{ kind: string; key: string; error: unknown }>;
  stop(): void;
}

const OWNER_KINDS: Record<string, string> = {
  Deployment: 'deployment',
  Job: 'job',
  StatefulSet: 'statefulset',
};
const QUOTA_COUNTED = new Set([
  'pods',
  'persistentvolumeclaims',
  'services',
  'secrets',
  'configmaps',
  'resourcequotas',
]);

/** Maps every store change to the reconcilers that care, like informers' event handlers. */
function router(rt: Runtime, onNamespaceGone: (name: string) => void) {
  const { store } = rt;
  const pendingPods = (ns?: string): void => {
    for (const p of store.list('pods', ns))
      if (p.status?.phase === 'Pending' || !p.spec?.nodeName)
        rt.enqueue('pod', `${p.metadata.namespace}/${p.metadata.name}`);
  };
  return (e: Pick<StoreEvent, 'type' | 'key' | 'object'>): void => {
    const obj: KubeObject = e.object;
    const ns = obj.metadata.namespace;
    const key = `${ns ?? ''}/${obj.metadata.name}`;
    if (e.key === 'events') return;
    if (e.key === 'namespaces') {
      rt.enqueue('namespace', obj.metadata.name);
      if (e.type === 'DELETED') onNamespaceGone(obj.metadata.name);
      return;
    }
    if (ns && store.peek('namespaces', undefined, ns)?.metadata.deletionTimestamp)
      rt.enqueue('namespace', ns);
    if (ns && QUOTA_COUNTED.has(e.key)) enqueueQuota(rt, e.key, obj);
    switch (e.key) {
      case 'pods': {
        rt.enqueue('pod', key);
        // A dependent gone may let a Foreground-deleted owner go too.
        if (e.type === 'DELETED' && obj.metadata.ownerReferences?.length) rt.enqueue('gc', ns as string);
        const owner = controllerOf(obj);
        const kind = owner && OWNER_KINDS[owner.kind];
        if (kind && owner) rt.enqueue(kind, `${ns}/${owner.name}`);
        for (const claim of claimsOf(obj)) rt.enqueue('pvc', `${ns}/${claim}`);
        pendingPods(ns);
        break;
      }
      case 'deployments.apps':
        rt.enqueue('deployment', key);
        if (e.type === 'DELETED' || obj.metadata.deletionTimestamp) rt.enqueue('gc', ns as string);
        break;
      case 'statefulsets.apps':
        rt.enqueue('statefulset', key);
        if (e.type === 'DELETED' || obj.metadata.deletionTimestamp) rt.enqueue('gc', ns as string);
        break;
      case 'jobs.batch':
        rt.enqueue('job', key);
        if (e.type === 'DELETED' || obj.metadata.deletionTimestamp) rt.enqueue('gc', ns as string);
        break;
      case 'persistentvolumeclaims':
        rt.enqueue('pvc', key);
        pendingPods(ns);
        break;
      case 'storageclasses.storage.k8s.io':
        for (const pvc of store.list('persistentvolumeclaims'))
          if (pvc.status?.phase !== 'Bound')
            rt.enqueue('pvc', `${pvc.metadata.namespace}/${pvc.metadata.name}`);
        pendingPods();
        break;
      case 'resourcequotas':
        for (const d of store.list('deployments.apps', ns))
          rt.enqueue('deployment', `${ns}/${d.metadata.name}`);
        for (const j of store.list('jobs.batch', ns)) rt.enqueue('job', `${ns}/${j.metadata.name}`);
        for (const st of store.list('statefulsets.apps', ns))
          rt.enqueue('statefulset', `${ns}/${st.metadata.name}`);
        break;
      case 'secrets':
      case 'configmaps':
        pendingPods(ns);
        break;
    }
  };
}

/** Installs the sim's controllers on the store; everything they do goes through the store and the sim clock. */
export function installControllers(ctx: ControllerContext): Controllers {
  const rt = createRuntime({
    store: ctx.store,
    clock: ctx.clock,
    profile: ctx.profile,
    faults: ctx.faults,
    baseSeed: ctx.rng.int(2 ** 31),
    nodeLabels: ctx.nodeLabels,
  });
  const events = createEventRecorder(rt);
  installNamespaceController(rt);
  installPvcController(rt, events);
  installQuotaController(rt);
  installGarbageCollector(rt);
  installDeploymentController(rt, events);
  installJobController(rt, events);
  installStatefulSetController(rt, events);
  const kubelet = installKubelet(rt, events);
  const logs = createPodLogs(rt, kubelet.logs);
  const podExec = createPodExec(rt, kubelet);
  const route = router(rt, (name) => {
    kubelet.sites.drop(name);
    kubelet.volumes.dropNamespace(name);
  });
  const unsubscribe = ctx.store.subscribe(route);
  // Like an informer's initial list: whatever the store already holds is reconciled too.
  for (const type of ctx.store.types) {
    if (!type.verbs.includes('list')) continue;
    const key = type.group ? `${type.plural}.${type.group}` : type.plural;
    for (const object of ctx.store.list(key)) route({ type: 'ADDED', key, object });
  }
  return {
    admission: [
      limitRangerAdmission,
      resourceQuotaAdmission,
      defaultStorageClassAdmission,
      pvcProtectionAdmission,
      pvcResizeAdmission,
    ],
    podLogs: logs.podLogs,
    podExec,
    sites: kubelet.sites,
    errors: () => [...rt.errors],
    stop() {
      unsubscribe();
      logs.stop();
      rt.stop();
    },
  };
}
