// Plan → strategy. Every plan of the contract has an entry (the Record type enforces it).
import type { Plan } from '../../../preload/contract';
import { medusaStrategy } from './medusa/medusa.strategy';
import type { StoreStrategy } from './strategy';
import { woocommerceStrategy } from './woocommerce/woocommerce.strategy';

const STRATEGIES: Record<Plan, StoreStrategy> = {
  woocommerce: woocommerceStrategy,
  medusa: medusaStrategy,
};

export function strategyFor(plan: Plan): StoreStrategy {
  return STRATEGIES[plan];
}
