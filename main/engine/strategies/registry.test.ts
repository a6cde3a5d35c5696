import { describe, expect, it } from 'vitest';
import { PLANS } from '../../../preload/contract';
import { PLAN_COMPONENTS } from './plan-components';
import { strategyFor } from './registry';

describe('the plan registries', () => {
  it('has a strategy for every plan of the contract, answering to its own plan', () => {
    for (const plan of PLANS) expect(strategyFor(plan).plan).toBe(plan);
  });

  // The README promises a third plan is one folder plus one line in each registry: the two
  // registries must name the same plans, with the same components.
  it('agrees with plan-components.ts on each plan and its components', () => {
    expect(Object.keys(PLAN_COMPONENTS).sort()).toEqual([...PLANS].sort());
    for (const plan of PLANS) expect(strategyFor(plan).components).toEqual(PLAN_COMPONENTS[plan]);
  });
});
