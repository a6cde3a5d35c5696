// The few fields of API objects that diagnosis reads, typed loosely (every field optional) so a
// partial or unusual object never throws, plus helpers to name and place what was observed.
import { waitStep, type StepId } from '../../../../preload/contract';
import type { Diagnosis } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import type { SignalEvent } from '../../signals/workload-signals';
import { LABEL } from '../../model/labels';
import { PASSWORD_RESET_JOB_PREFIX } from '../../model/names';
import { COMPONENT, OBJECT_NAMES } from './woocommerce-facts';

export interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}
export interface ContainerStatus {
  name?: string;
  image?: string;
  restartCount?: number;
  ready?: boolean;
  state?: {
    waiting?: { reason?: string; message?: string };
    running?: object;
    terminated?: { reason?: string; exitCode?: number };
  };
  lastState?: { terminated?: { reason?: string; exitCode?: number } };
}
export interface Meta {
  name?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  deletionTimestamp?: string;
}
export interface PodShape {
  metadata?: Meta;
  spec?: {
    nodeName?: string;
    containers?: { name?: string; image?: string }[];
    initContainers?: { name?: string; image?: string }[];
    volumes?: { persistentVolumeClaim?: { claimName?: string } }[];
  };
  status?: {
    phase?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}
/** An event as the kubelet and the provisioner write it (the plan-neutral signals read it too). */
export type EventShape = SignalEvent;
export interface WorkloadShape {
  metadata?: Meta;
  spec?: { storageClassName?: string | null; [key: string]: unknown };
  status?: {
    conditions?: Condition[];
    failed?: number;
    active?: number;
    availableReplicas?: number;
    phase?: string;
  };
}
export interface StorageClassShape {
  metadata?: Meta;
  volumeBindingMode?: string;
}

export const as = <T>(objects: KubeObject[]): T[] => objects as unknown as T[];

const PREFIXES: [string, string][] = [
  [OBJECT_NAMES.setupJob, COMPONENT.setup],
  [PASSWORD_RESET_JOB_PREFIX, COMPONENT.passwordReset],
  [OBJECT_NAMES.mysql, COMPONENT.mysql],
  [OBJECT_NAMES.wordpress, COMPONENT.wordpress],
];

/** Component of an object: its label, else guessed from the name (events name ReplicaSets and pods). */
export function componentOf(meta: Meta | undefined): string | null {
  const label = meta?.labels?.[LABEL.component];
  if (label) return label;
  const name = meta?.name ?? '';
  return PREFIXES.find(([prefix]) => name === prefix || name.startsWith(`${prefix}-`))?.[1] ?? null;
}

/** The timeline step a component's trouble belongs to (the contract's STEPS). */
export function stepOf(component: string | null): StepId {
  switch (component) {
    case COMPONENT.mysql:
      return waitStep(OBJECT_NAMES.mysql);
    case COMPONENT.wordpress:
      return waitStep(OBJECT_NAMES.wordpress);
    case COMPONENT.setup:
      return 'setup';
    case COMPONENT.passwordReset:
      return 'password-reset';
    default:
      return 'provision';
  }
}

export function displayName(component: string | null): string {
  switch (component) {
    case COMPONENT.mysql:
      return 'MySQL';
    case COMPONENT.wordpress:
      return 'WordPress';
    case COMPONENT.setup:
      return 'The setup job';
    case COMPONENT.passwordReset:
      return 'The password-reset job';
    default:
      return 'A store pod';
  }
}

export function diagnosis(
  component: string | null,
  cause: string,
  message: string,
  terminal: boolean,
): Diagnosis {
  return { step: stepOf(component), cause, message, terminal };
}

/** Pods that exist and are not on their way out. */
export const livePods = (pods: PodShape[]) =>
  pods.filter(
    (p) => !p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
