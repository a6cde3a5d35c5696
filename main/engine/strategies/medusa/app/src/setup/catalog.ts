// The facts of the store a setup run converges to. One place, so the setup script, the
// storefront's config route and the tests agree on names.
export const STORE_FACTS = {
  salesChannel: 'Default Sales Channel',
  region: { name: 'Storedeck', currency: 'eur', countries: ['de', 'fr', 'nl', 'gb', 'dk'] },
  paymentProvider: 'pp_system_default',
  taxProvider: 'tp_system',
  fulfillmentProvider: 'manual_manual',
  stockLocation: { name: 'Storedeck Warehouse', city: 'Berlin', countryCode: 'DE' },
  shippingProfile: 'Default Shipping Profile',
  fulfillmentSet: 'Storedeck delivery',
  serviceZone: 'Storedeck zone',
  shippingOption: { name: 'Standard Shipping', amount: 4.99, code: 'standard' },
  publishableKey: 'Storedeck Storefront',
  product: {
    title: 'Sample Product',
    handle: 'sample-product',
    sku: 'SAMPLE-PRODUCT',
    // Medusa 2 stores amounts in the currency's main unit: 19.99 is 19.99 EUR.
    price: 19.99,
    stock: 1000,
  },
} as const;
