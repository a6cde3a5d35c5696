// The timeline's steps: one table of ids and plain labels that the engine writes, the diagnosis
// names, the CLI prints and the renderer shows. Waits are per component: wait-<deployment>.
export const STEPS = {
  start: 'Start',
  ingress: 'Ingress detection',
  namespace: 'Namespace',
  secrets: 'Credentials',
  resources: 'Kubernetes objects',
  retry: 'Retry',
  provision: 'Provisioning',
  setup: 'Store setup',
  checkout: 'Checkout check',
  'password-reset': 'Password reset',
  progress: 'Progress',
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
