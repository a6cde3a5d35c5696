// Plain names for the engine's timeline steps, from the contract's STEPS table.
import type { StepId } from '../../../preload/contract';

export { stepLabel } from '../../../preload/contract';

/** The steps of one provisioning attempt, in the order the engine runs them ("step N of M"). */
export const PROVISION_STEPS = [
  'ingress',
  'namespace',
  'secrets',
  'resources',
  'wait-mysql',
  'wait-wordpress',
  'setup',
  'checkout',
] as const satisfies readonly StepId[];
