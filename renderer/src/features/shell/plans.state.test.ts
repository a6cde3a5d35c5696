import { describe, expect, it } from 'vitest';
import { err, ok, type PlanInfo } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createPlansStore, planOf } from './plans.state';

const medusa: PlanInfo = {
  plan: 'medusa',
  label: 'MedusaJS',
  components: [{ name: 'server', label: 'Medusa server', restartHint: 'the API', workload: 'medusa-server' }],
  capabilities: { wpCli: false, database: false, adminLogin: false, checkout: false },
};

describe('plans store', () => {
  it('keeps the plans the engine lists and finds one by name', async () => {
    const api = createFakeApi();
    api.respond('listPlans', ok([medusa]));
    const plans = createPlansStore(api);
    await plans.getState().load();
    expect(planOf(plans.getState().plans, 'medusa')?.components.map((c) => c.name)).toEqual(['server']);
    expect(planOf(plans.getState().plans, 'woocommerce')).toBeUndefined();
  });

  it('adopts the plans getAppInfo carried, without a request of its own', () => {
    const api = createFakeApi();
    const plans = createPlansStore(api);
    plans.getState().adopt([medusa]);
    expect(plans.getState()).toMatchObject({ plans: [medusa], error: null });
    expect(api.calls.map((c) => c.name)).toEqual([]);
  });

  it('says why when the plans cannot be read, keeping what it had', async () => {
    const api = createFakeApi();
    api.respond('listPlans', ok([medusa]));
    const plans = createPlansStore(api);
    await plans.getState().load();
    api.respond('listPlans', err('internal', 'engine not ready'));
    await plans.getState().load();
    expect(plans.getState()).toMatchObject({ error: 'engine not ready', plans: [medusa] });
  });
});
