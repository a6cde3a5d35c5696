// Find-or-create steps for the commerce side of a store: each looks its object up by a stable
// name first, so a re-run after a partial run finishes the work and a re-run after a full run
// changes nothing. Workflows (not raw module calls) create objects so links and events happen
// exactly as they do when the admin dashboard does the same thing.
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  updateTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from '@medusajs/medusa/core-flows';
import type { MedusaContainer } from '@medusajs/framework/types';
import { ContainerRegistrationKeys, Modules } from '@medusajs/framework/utils';
import { STORE_FACTS } from './catalog';

type Log = (message: string) => void;

export async function ensureSalesChannel(container: MedusaContainer, log: Log): Promise<string> {
  const service = container.resolve(Modules.SALES_CHANNEL);
  const [found] = await service.listSalesChannels({ name: STORE_FACTS.salesChannel });
  if (found) return found.id;
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: STORE_FACTS.salesChannel }] },
  });
  log(`created sales channel "${STORE_FACTS.salesChannel}"`);
  return result[0].id;
}

export async function ensureStoreDefaults(
  container: MedusaContainer,
  salesChannelId: string,
  regionId: string,
  locationId: string,
  log: Log,
): Promise<void> {
  const [store] = await container.resolve(Modules.STORE).listStores(
    {},
    {
      relations: ['supported_currencies'],
    },
  );
  if (!store) throw new Error('Medusa has no store record: did the migrations run?');
  const currencies = store.supported_currencies ?? [];
  const currencyOk = currencies.some((c) => c.currency_code === STORE_FACTS.region.currency && c.is_default);
  if (
    currencyOk &&
    store.default_sales_channel_id === salesChannelId &&
    store.default_region_id === regionId &&
    store.default_location_id === locationId
  ) {
    return;
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [{ currency_code: STORE_FACTS.region.currency, is_default: true }],
        default_sales_channel_id: salesChannelId,
        default_region_id: regionId,
        default_location_id: locationId,
      },
    },
  });
  log(`store defaults set (${STORE_FACTS.region.currency.toUpperCase()}, region, channel, location)`);
}

export async function ensureRegion(container: MedusaContainer, log: Log): Promise<string> {
  const { name, currency, countries } = STORE_FACTS.region;
  const [found] = await container.resolve(Modules.REGION).listRegions({ name });
  let regionId = found?.id;
  if (!regionId) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name,
            currency_code: currency,
            countries: [...countries],
            payment_providers: [STORE_FACTS.paymentProvider],
          },
        ],
      },
    });
    regionId = result[0].id;
    log(`created region "${name}" (${currency.toUpperCase()})`);
  }
  const taxService = container.resolve(Modules.TAX);
  const existing = await taxService.listTaxRegions({ country_code: [...countries] });
  const missing = countries.filter((c) => !existing.some((t) => t.country_code === c));
  const provider_id = STORE_FACTS.taxProvider;
  if (missing.length > 0) {
    await createTaxRegionsWorkflow(container).run({
      input: missing.map((country_code) => ({ country_code, provider_id })),
    });
    log(`created tax regions for ${missing.join(', ')}`);
  }
  // A tax region without a provider cannot calculate taxes, and a cart there cannot complete.
  const providerless = existing.filter((t) => !t.provider_id);
  if (providerless.length > 0) {
    await updateTaxRegionsWorkflow(container).run({
      input: providerless.map(({ id }) => ({ id, provider_id })),
    });
    log(`set the ${provider_id} tax provider on ${providerless.map((t) => t.country_code).join(', ')}`);
  }
  return regionId;
}

export async function ensureStockLocation(
  container: MedusaContainer,
  salesChannelId: string,
  log: Log,
): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { name, city, countryCode } = STORE_FACTS.stockLocation;
  const { data } = await query.graph({
    entity: 'stock_location',
    fields: ['id', 'sales_channels.id', 'fulfillment_providers.id'],
    filters: { name },
  });
  let location = data[0] as
    { id: string; sales_channels?: { id: string }[]; fulfillment_providers?: { id: string }[] } | undefined;
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name, address: { city, country_code: countryCode, address_1: '' } }] },
    });
    location = { id: result[0].id };
    log(`created stock location "${name}"`);
  }
  if (!location.sales_channels?.some((c) => c.id === salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    });
    log('linked the sales channel to the stock location');
  }
  if (!location.fulfillment_providers?.some((p) => p.id === STORE_FACTS.fulfillmentProvider)) {
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: STORE_FACTS.fulfillmentProvider },
    });
    log(`enabled the ${STORE_FACTS.fulfillmentProvider} fulfillment provider at the location`);
  }
  return location.id;
}

export async function ensureShipping(
  container: MedusaContainer,
  locationId: string,
  regionId: string,
  log: Log,
): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT);
  const [profile] = await fulfillment.listShippingProfiles({ type: 'default' });
  let profileId = profile?.id;
  if (!profileId) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: STORE_FACTS.shippingProfile, type: 'default' }] },
    });
    profileId = result[0].id;
    log(`created shipping profile "${STORE_FACTS.shippingProfile}"`);
  }
  const [set] = await fulfillment.listFulfillmentSets(
    { name: STORE_FACTS.fulfillmentSet },
    { relations: ['service_zones'] },
  );
  let zoneId = set?.service_zones?.[0]?.id;
  if (!set) {
    const created = await fulfillment.createFulfillmentSets({
      name: STORE_FACTS.fulfillmentSet,
      type: 'shipping',
      service_zones: [
        {
          name: STORE_FACTS.serviceZone,
          geo_zones: STORE_FACTS.region.countries.map((country_code) => ({
            country_code,
            type: 'country' as const,
          })),
        },
      ],
    });
    zoneId = created.service_zones[0].id;
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: created.id },
    });
    log(`created fulfillment set "${STORE_FACTS.fulfillmentSet}" at the stock location`);
  }
  if (!zoneId) throw new Error(`fulfillment set "${STORE_FACTS.fulfillmentSet}" has no service zone`);
  const { name, amount, code } = STORE_FACTS.shippingOption;
  const [option] = await fulfillment.listShippingOptions({ name });
  if (option) return profileId;
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name,
        price_type: 'flat',
        provider_id: STORE_FACTS.fulfillmentProvider,
        service_zone_id: zoneId,
        shipping_profile_id: profileId,
        type: { label: 'Standard', description: 'Ships in 2-3 days.', code },
        prices: [
          { currency_code: STORE_FACTS.region.currency, amount },
          { region_id: regionId, amount },
        ],
        rules: [
          { attribute: 'enabled_in_store', value: 'true', operator: 'eq' },
          { attribute: 'is_return', value: 'false', operator: 'eq' },
        ],
      },
    ],
  });
  log(`created shipping option "${name}"`);
  return profileId;
}

export async function ensurePublishableKey(
  container: MedusaContainer,
  salesChannelId: string,
  log: Log,
): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: 'api_key',
    fields: ['id', 'token', 'revoked_at', 'sales_channels.id'],
    filters: { title: STORE_FACTS.publishableKey, type: 'publishable' },
  });
  let key = (
    data as { id: string; token: string; revoked_at: unknown; sales_channels?: { id: string }[] }[]
  ).find((k) => !k.revoked_at);
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: STORE_FACTS.publishableKey, type: 'publishable', created_by: '' }] },
    });
    key = { id: result[0].id, token: result[0].token, revoked_at: null };
    log(`created publishable API key "${STORE_FACTS.publishableKey}"`);
  }
  if (!key.sales_channels?.some((c) => c.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [salesChannelId] },
    });
    log('linked the sales channel to the publishable key');
  }
  return key.token;
}
