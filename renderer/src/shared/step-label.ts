// Plain names for the engine's timeline steps; an unknown step is shown as it is named.

/** The steps of one provisioning attempt, in the order the engine runs them ("step N of M"). */
export const PROVISION_STEPS = [
  'ingress',
  'namespace',
  'secrets',
  'resources',
  'wait-mysql',
  'wait-wordpress',
  'setup',
] as const;
const LABELS: Record<string, string> = {
  ingress: 'Ingress detection',
  namespace: 'Namespace',
  secrets: 'Credentials',
  resources: 'Kubernetes objects',
  'wait-mysql': 'MySQL start',
  'wait-wordpress': 'WordPress start',
  setup: 'WooCommerce setup',
  ready: 'Ready',
  delete: 'Deletion',
};

export function stepLabel(step: string): string {
  const known = LABELS[step];
  if (known) return known;
  if (step.startsWith('wait-')) return `${step.slice(5)} start`;
  return step.charAt(0).toUpperCase() + step.slice(1).replaceAll('-', ' ');
}
