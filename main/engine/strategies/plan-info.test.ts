import { describe, expect, it } from 'vitest';
import { planInfo } from './plan-info';
import { strategyFor } from './registry';

describe('planInfo', () => {
  it('describes each plan by what its strategy has, not by its name', () => {
    const woo = planInfo(strategyFor('woocommerce'));
    expect(woo.components.map((c) => [c.name, c.workload])).toEqual([
      ['wordpress', 'wordpress'],
      ['mysql', 'mysql'],
    ]);
    expect(woo.capabilities).toEqual({
      wpCli: true,
      database: true,
      adminLogin: true,
      checkout: true,
      backup: true,
    });
    const medusa = planInfo(strategyFor('medusa'));
    expect(medusa.components.map((c) => c.name)).toEqual(['server', 'storefront', 'postgres', 'redis']);
    expect(medusa.capabilities.wpCli).toBe(false);
    // Backup, restore and clone are WooCommerce's only, so far.
    expect(medusa.capabilities.backup).toBe(false);
  });
});
