// Plain names for the engine's timeline steps; an unknown step is shown as it is named.
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
