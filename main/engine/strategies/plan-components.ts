// Every plan's components, for the contract (its restart component list) and the plan registry.
// Plain data only: preload/ and the renderer import this file.
import { MEDUSA_COMPONENTS } from './medusa/medusa-components';
import { WOOCOMMERCE_COMPONENTS } from './woocommerce/woocommerce-components';

export const PLAN_COMPONENTS = {
  woocommerce: WOOCOMMERCE_COMPONENTS,
  medusa: MEDUSA_COMPONENTS,
} as const;

export type ComponentName = (typeof PLAN_COMPONENTS)[keyof typeof PLAN_COMPONENTS][number]['name'];

/** Every component name of every plan, once each. */
export const COMPONENT_NAMES = [
  ...new Set(Object.values(PLAN_COMPONENTS).flatMap((list) => list.map((c) => c.name))),
] as ComponentName[];
