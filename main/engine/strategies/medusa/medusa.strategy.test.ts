import { describe, expect, it } from 'vitest';
import { testContext } from '../woocommerce/test-context.fixture';
import { MEDUSA_UNAVAILABLE, medusaStrategy } from './medusa.strategy';

describe('medusa strategy (registered, not available yet)', () => {
  it('refuses creation up front with a clear reason', () => {
    expect(medusaStrategy.plan).toBe('medusa');
    expect(medusaStrategy.unavailableReason).toBe(
      'MedusaJS stores are not available yet: only WooCommerce can be created today.',
    );
  });

  it('throws the same reason from every builder if one is ever reached', () => {
    const ctx = testContext();
    const builders = [
      () => medusaStrategy.newSecrets(ctx),
      () => medusaStrategy.secrets(ctx, {}),
      () => medusaStrategy.resources(ctx),
      () => medusaStrategy.setupJob(ctx, null),
      () => medusaStrategy.passwordResetJob(ctx, null, 'reset'),
      () => medusaStrategy.urls(ctx),
    ];
    for (const build of builders) expect(build).toThrow(MEDUSA_UNAVAILABLE);
  });
});
