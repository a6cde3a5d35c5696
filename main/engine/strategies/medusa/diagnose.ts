// Plain-language diagnosis of what blocks a MedusaJS store right now, from one observed
// snapshot (pure, like WooCommerce's): the setup Job's failures with its log tail, pods that
// cannot pull, crash or never serve (diagnose-containers.ts: the npm install, the migrations,
// PostgreSQL), cannot be scheduled or are refused by quota.
import type { Diagnosis, ObservedState } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { LABEL } from '../../model/labels';
import { MEDUSA_COMPONENT, MEDUSA_NAMES } from './medusa-facts';
import {
  crashDiagnosis,
  notServingDiagnosis,
  type ContainerStatus,
  type PodShape,
} from './diagnose-containers';
import type { SignalEvent } from '../../signals/workload-signals';
import { waitStep, type StepId } from '../../../../preload/contract';

const LOG_TAIL_LINES = 8;

const NAMES: Record<string, string> = {
  [MEDUSA_COMPONENT.postgres]: 'PostgreSQL',
  [MEDUSA_COMPONENT.redis]: 'Redis',
  [MEDUSA_COMPONENT.server]: 'The Medusa server',
  [MEDUSA_COMPONENT.storefront]: 'The storefront',
  [MEDUSA_COMPONENT.setup]: 'The setup job',
  [MEDUSA_COMPONENT.passwordReset]: 'The password-reset job',
};

interface Pod extends KubeObject {
  status?: {
    phase?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}
interface Job extends KubeObject {
  status?: { failed?: number; conditions?: { type: string; status: string; reason?: string }[] };
}
interface Event extends KubeObject {
  reason?: string;
  message?: string;
  involvedObject?: { name?: string; kind?: string };
}

const componentOf = (o: KubeObject | undefined): string => o?.metadata.labels?.[LABEL.component] ?? '';
const nameOf = (component: string): string => NAMES[component] ?? 'A store pod';

function stepOf(component: string): StepId {
  if (component === MEDUSA_COMPONENT.setup) return 'setup';
  if (component === MEDUSA_COMPONENT.passwordReset) return 'password-reset';
  if (component === MEDUSA_COMPONENT.server) return waitStep(MEDUSA_NAMES.server);
  return 'provision';
}

const found = (component: string, cause: string, message: string, terminal: boolean): Diagnosis => ({
  step: stepOf(component),
  cause,
  message,
  terminal,
});

function logTail(lines: string[] | undefined): string {
  const tail = (lines ?? [])
    .map((l) => l.trimEnd())
    .filter(Boolean)
    .slice(-LOG_TAIL_LINES);
  return tail.length > 0 ? ` Last log lines:\n${tail.join('\n')}` : '';
}

function jobDiagnoses(jobs: Job[], setupLogTail: string[] | undefined): Diagnosis[] {
  return jobs.flatMap((job) => {
    const component = componentOf(job);
    const failed = job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
    const attempts = job.status?.failed ?? 0;
    if (!failed && attempts === 0) return [];
    const tail = component === MEDUSA_COMPONENT.setup ? logTail(setupLogTail) : '';
    const who = `${nameOf(component)} (${job.metadata.name})`;
    return [
      failed
        ? found(
            component,
            'JobFailed',
            `${who} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}.${tail}`,
            true,
          )
        : found(
            component,
            'JobFailing',
            `${who} has failed ${attempts} time${attempts === 1 ? '' : 's'} and is retrying.${tail}`,
            false,
          ),
    ];
  });
}

function containerDiagnoses(pod: Pod): Diagnosis[] {
  const component = componentOf(pod);
  const who = nameOf(component);
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []).map((s) => ({ ...s, init: true })),
    ...(pod.status?.containerStatuses ?? []).map((s) => ({ ...s, init: false })),
  ];
  return statuses.flatMap((s) => {
    const crashed = crashDiagnosis(component, who, s, (cause, message, terminal) =>
      found(component, cause, message, terminal),
    );
    if (crashed) return [crashed];
    const waiting = s.state?.waiting;
    if (!waiting?.reason) return [];
    if (waiting.reason === 'ErrImagePull' || waiting.reason === 'ImagePullBackOff') {
      return [
        found(
          component,
          'ImagePullBackOff',
          `${who} cannot download its image: ${waiting.message ?? waiting.reason}`,
          false,
        ),
      ];
    }
    if (waiting.reason === 'InvalidImageName') {
      return [
        found(
          component,
          'InvalidImageName',
          `${who} names an image that does not exist: ${waiting.message ?? ''}`,
          true,
        ),
      ];
    }
    if (waiting.reason === 'CreateContainerConfigError') {
      return [
        found(
          component,
          'ConfigError',
          `${who} cannot start: ${waiting.message ?? 'its configuration is invalid'}`,
          true,
        ),
      ];
    }
    return [];
  });
}

function schedulingDiagnoses(pod: Pod): Diagnosis[] {
  const unscheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
  if (!unscheduled?.message) return [];
  const component = componentOf(pod);
  return [
    found(
      component,
      'Unschedulable',
      `${nameOf(component)} cannot be placed on a node: ${unscheduled.message}`,
      false,
    ),
  ];
}

function quotaDiagnoses(events: Event[], pods: Pod[]): Diagnosis[] {
  const running = new Set(pods.map((p) => componentOf(p)));
  return events.flatMap((e) => {
    if (e.reason !== 'FailedCreate' || !/forbidden/i.test(e.message ?? '')) return [];
    const owner = e.involvedObject?.name ?? '';
    const component = Object.values(MEDUSA_COMPONENT).find((c) => owner.includes(c)) ?? '';
    if (running.has(component)) return [];
    const quota = /exceeded quota/i.test(e.message ?? '');
    return [
      found(
        component,
        quota ? 'QuotaExceeded' : 'PodRejected',
        `Kubernetes refused to start ${nameOf(component)}: ${quota ? "the store's resource quota is used up" : 'it was rejected'} (${e.message}).`,
        true,
      ),
    ];
  });
}

function storageDiagnoses(pvcs: KubeObject[], storageClasses: KubeObject[]): Diagnosis[] {
  const pending = pvcs.filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Pending');
  if (pending.length === 0 || storageClasses.length > 0) return [];
  return [
    found(
      '',
      'NoStorageClass',
      `The volume ${pending[0]?.metadata.name} cannot be created: the cluster has no StorageClass. Install a storage provisioner (Kind and k3s ship local-path).`,
      true,
    ),
  ];
}

function servingDiagnoses(pod: Pod, events: Event[], afterSeconds?: number): Diagnosis[] {
  const component = componentOf(pod);
  const d = notServingDiagnosis(
    component,
    pod as PodShape,
    events as SignalEvent[],
    (cause, message, terminal) => found(component, cause, message, terminal),
    afterSeconds,
  );
  return d ? [d] : [];
}

/**
 * A failed setup Job whose test order could not go through because the storefront does not
 * serve: the storefront is the cause the user can act on, the Job's failure its consequence.
 */
function explainSetup(job: Diagnosis, pods: Pod[], events: Event[]): Diagnosis {
  const storefront = pods
    .filter((p) => componentOf(p) === MEDUSA_COMPONENT.storefront)
    .flatMap((p) => [...containerDiagnoses(p), ...servingDiagnoses(p, events, 0)])[0];
  if (!storefront) return job;
  return { ...job, cause: storefront.cause, message: `${storefront.message} So: ${job.message}` };
}

export function diagnoseMedusa(observed: ObservedState): Diagnosis | null {
  const pods = (observed.pods as Pod[]).filter(
    (p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded',
  );
  const events = observed.events as Event[];
  const all = [
    ...jobDiagnoses(observed.jobs as Job[], observed.setupLogTail),
    ...quotaDiagnoses(events, pods),
    ...storageDiagnoses(observed.pvcs, observed.storageClasses),
    ...pods.flatMap(containerDiagnoses),
    ...pods.flatMap((p) => servingDiagnoses(p, events)),
    ...pods.flatMap(schedulingDiagnoses),
  ];
  const chosen = all.find((d) => d.terminal) ?? all[0] ?? null;
  return chosen?.step === 'setup' ? explainSetup(chosen, pods, events) : chosen;
}
