// `medusa exec ./src/scripts/setup-store.js` (run by the store's setup Job and by the real
// test, after `medusa db:migrate`): converges the store to STORE_FACTS. Idempotent: every step
// finds its object first. ADMIN_EMAIL and ADMIN_PASSWORD come from the environment (the Job
// fills them from the store's Secret through secretKeyRef, never a command line).
import type { ExecArgs } from '@medusajs/framework/types';
import { ContainerRegistrationKeys } from '@medusajs/framework/utils';
import { ensureAdminUser, ensureSampleProduct } from '../setup/catalog-steps';
import {
  ensurePublishableKey,
  ensureRegion,
  ensureSalesChannel,
  ensureShipping,
  ensureStockLocation,
  ensureStoreDefaults,
} from '../setup/commerce-steps';

export default async function setupStore({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const log = (message: string) => logger.info(`storedeck-setup: ${message}`);
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) throw new Error('ADMIN_EMAIL and ADMIN_PASSWORD must be set');

  const salesChannelId = await ensureSalesChannel(container, log);
  const regionId = await ensureRegion(container, log);
  const locationId = await ensureStockLocation(container, salesChannelId, log);
  await ensureStoreDefaults(container, salesChannelId, regionId, locationId, log);
  const shippingProfileId = await ensureShipping(container, locationId, regionId, log);
  await ensurePublishableKey(container, salesChannelId, log);
  await ensureSampleProduct(container, salesChannelId, locationId, shippingProfileId, log);
  await ensureAdminUser(container, email, password, log);
  log('store is set up');
}
