// The plan of one store (undefined until the plans are read).
import { useStore } from 'zustand';
import type { Plan, PlanInfo } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { planOf } from './plans.state';

export function usePlan(plan: Plan): PlanInfo | undefined {
  const { plans } = useAppStores();
  return useStore(plans, (s) => planOf(s.plans, plan));
}
