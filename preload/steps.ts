// The timeline's steps: one table of ids and plain labels that the engine writes, the diagnosis
// names, the CLI prints and the renderer shows. Waits are per component: wait-<deployment>.
export const STEPS = {
  start: 'Start',
  ingress: 'Ingress detection',
  namespace: 'Namespace',
  secrets: 'Credentials',
  resources: 'Kubernetes objects',
  retry: 'Retry',
  /** Written once per retry: the timeline's separator between one attempt and the next. */
  attempt: 'New attempt',
  provision: 'Provisioning',
  setup: 'Store setup',
  checkout: 'Checkout check',
  'password-reset': 'Password reset',
  progress: 'Progress',
  /** A pass that found the cluster not answering: it waits (neither failing nor spending its budget). */
  cluster: 'Cluster connection',
  ready: 'Ready',
  reconcile: 'Reconcile',
  delete: 'Deletion',
} as const;

export type FixedStep = keyof typeof STEPS;
export type WaitStep = `wait-${string}`;
export type StepId = FixedStep | WaitStep;

/** Labels of the waits the shipped plans have (any other wait reads "<name> start"). */
const WAIT_LABELS: Record<string, string> = {
  mysql: 'MySQL start',
  wordpress: 'WordPress start',
  'medusa-server': 'Medusa server start',
  redis: 'Redis start',
};

/** The step that waits for a component's Deployment to become available. */
export const waitStep = (deployment: string): WaitStep => `wait-${deployment}`;

/** The plain name of a step; an unknown one (an older engine's) is shown readably as it is named. */
export function stepLabel(step: string): string {
  if (Object.prototype.hasOwnProperty.call(STEPS, step)) return STEPS[step as FixedStep];
  if (step.startsWith('wait-')) {
    const component = step.slice(5);
    return WAIT_LABELS[component] ?? `${component} start`;
  }
  return step.charAt(0).toUpperCase() + step.slice(1).replaceAll('-', ' ');
}

/**
 * The phases of one provisioning attempt, in the order the engine runs them ("step N of M").
 * Every wait-<component> is the one 'wait' phase: the components start together.
 */
const PROVISION_PHASES = [
  'ingress',
  'namespace',
  'secrets',
  'resources',
  'wait',
  'setup',
  'checkout',
] as const satisfies readonly (FixedStep | 'wait')[];

/** Where a step stands in an attempt (1-based), or null for a step outside the sequence (a note). */
export function provisionPhase(step: string): { index: number; total: number } | null {
  const phase = step.startsWith('wait-') ? 'wait' : step;
  const at = (PROVISION_PHASES as readonly string[]).indexOf(phase);
  return at < 0 ? null : { index: at + 1, total: PROVISION_PHASES.length };
}
