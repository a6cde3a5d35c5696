// The plans the engine has, as their strategies describe them (components, capabilities): read
// once (they arrive with getAppInfo), so the pickers and tools of a store show what its plan has instead of testing its name.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Plan, PlanInfo, StoredeckApi } from '../../../../preload/contract';

export type PlansState = {
  plans: PlanInfo[];
  error: string | null;
  /** Takes the plans getAppInfo carried (the page load asks for them no other way). */
  adopt(plans: PlanInfo[]): void;
  load(): Promise<void>;
};

export function createPlansStore(api: StoredeckApi): StoreApi<PlansState> {
  return createStore<PlansState>((set) => ({
    plans: [],
    error: null,
    adopt(plans) {
      set({ plans, error: null });
    },
    async load() {
      const result = await api.listPlans({});
      set(result.ok ? { plans: result.value, error: null } : { error: result.error.message });
    },
  }));
}

export const planOf = (plans: readonly PlanInfo[], plan: Plan): PlanInfo | undefined =>
  plans.find((p) => p.plan === plan);
