// Plain-language diagnosis of what blocks a WooCommerce store right now, from one observed
// snapshot. Pure: the reconciler calls it while waiting (a terminal diagnosis fails the store at
// once) and at a timeout (any diagnosis becomes the reason).
import type { Diagnosis, ObservedState } from '../strategy';
import { COMPONENT } from './woocommerce-facts';
import { podDiagnoses } from './diagnose-pods';
import { storageDiagnoses } from './diagnose-storage';
import {
  as,
  componentOf,
  diagnosis,
  displayName,
  livePods,
  stepOf,
  type EventShape,
  type PodShape,
  type StorageClassShape,
  type WorkloadShape,
} from './observed-shapes';

/** Log lines quoted from a failed setup job. */
export const LOG_TAIL_LINES = 8;

function logTail(lines: string[] | undefined): string {
  const tail = (lines ?? [])
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .slice(-LOG_TAIL_LINES);
  return tail.length > 0 ? ` Last log lines:\n${tail.join('\n')}` : '';
}

function jobDiagnoses(jobs: WorkloadShape[], setupLogTail: string[] | undefined): Diagnosis[] {
  const found: Diagnosis[] = [];
  for (const job of jobs) {
    const component = componentOf(job.metadata);
    const failed = job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
    const attempts = job.status?.failed ?? 0;
    if (!failed && attempts === 0) continue;
    const tail = component === COMPONENT.setup ? logTail(setupLogTail) : '';
    const who = `${displayName(component)} (${job.metadata?.name})`;
    found.push(
      failed
        ? diagnosis(
            component,
            'JobFailed',
            `${who} failed after ${attempts} attempt${attempts === 1 ? '' : 's'} (${failed.reason ?? 'Failed'}).${tail}`,
            true,
          )
        : diagnosis(
            component,
            'JobFailing',
            `${who} has failed ${attempts} time${attempts === 1 ? '' : 's'} and is retrying.${tail}`,
            false,
          ),
    );
  }
  return found;
}

const QUOTA = /exceeded quota/i;

function rejection(component: string | null, message: string): Diagnosis {
  const quota = QUOTA.test(message);
  const detail = message.replace(/^Error creating:\s*/, '');
  return diagnosis(
    component,
    quota ? 'QuotaExceeded' : 'PodRejected',
    quota
      ? `Kubernetes refused to start ${displayName(component)}: the store's resource quota is used up (${detail}).`
      : `Kubernetes refused to start ${displayName(component)}: ${detail}`,
    true,
  );
}

/**
 * Pods refused at admission (quota, limits): a Deployment's ReplicaFailure condition, or a
 * FailedCreate event on a ReplicaSet or Job. An event counts only while no pod of that component
 * exists, so a refusal that later succeeded is not reported.
 */
function admissionDiagnoses(
  deployments: WorkloadShape[],
  events: EventShape[],
  pods: PodShape[],
): Diagnosis[] {
  const found: Diagnosis[] = [];
  for (const deployment of deployments) {
    const failure = deployment.status?.conditions?.find(
      (c) => c.type === 'ReplicaFailure' && c.status === 'True',
    );
    if (failure?.message && /forbidden/i.test(failure.message))
      found.push(rejection(componentOf(deployment.metadata), failure.message));
  }
  const running = new Set(livePods(pods).map((p) => componentOf(p.metadata)));
  for (const event of events) {
    if (event.reason !== 'FailedCreate' || !event.message || !/forbidden/i.test(event.message)) continue;
    const component = componentOf({ name: event.involvedObject?.name });
    if (running.has(component)) continue;
    if (!found.some((d) => d.step === stepOf(component))) found.push(rejection(component, event.message));
  }
  return found;
}

export function diagnoseWooCommerce(observed: ObservedState): Diagnosis | null {
  const pods = as<PodShape>(observed.pods);
  const events = as<EventShape>(observed.events);
  const all = [
    ...jobDiagnoses(as<WorkloadShape>(observed.jobs), observed.setupLogTail),
    ...admissionDiagnoses(as<WorkloadShape>(observed.deployments), events, pods),
    ...storageDiagnoses(
      as<WorkloadShape>(observed.pvcs),
      as<StorageClassShape>(observed.storageClasses),
      pods,
      events,
    ),
    ...podDiagnoses(pods, events),
  ];
  // A terminal cause anywhere decides; otherwise the most telling one explains the wait.
  return all.find((d) => d.terminal) ?? all[0] ?? null;
}
