// The storefront's one door to Medusa: the Store API through @medusajs/js-sdk, with the
// publishable key and region read from the server's /storedeck/storefront-config route (setup
// creates both, so the storefront cannot be configured before setup has run).
import Medusa from '@medusajs/js-sdk';

const PRODUCT_FIELDS = '*variants.calculated_price,+variants.inventory_quantity';

export function createMedusaClient(backendUrl) {
  let configured = null;

  async function configure() {
    if (configured) return configured;
    const response = await fetch(new URL('/storedeck/storefront-config', backendUrl), {
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      throw new Error(`the Medusa server is not ready (storefront config: HTTP ${response.status})`);
    }
    const { publishableKey, regionId } = await response.json();
    const sdk = new Medusa({
      baseUrl: backendUrl,
      publishableKey,
      // Server-side: no browser storage; carts are identified by our own cookie.
      auth: { type: 'jwt', jwtTokenStorageMethod: 'nostore' },
    });
    configured = { sdk, regionId };
    return configured;
  }

  return {
    /** Resolves when the server answers with a publishable key and region (readiness). */
    ready: async () => {
      const { sdk, regionId } = await configure();
      await sdk.store.region.retrieve(regionId);
    },
    listProducts: async () => {
      const { sdk, regionId } = await configure();
      const { products } = await sdk.store.product.list({ region_id: regionId, fields: PRODUCT_FIELDS });
      return products;
    },
    getCart: async (cartId) => {
      const { sdk } = await configure();
      try {
        return (await sdk.store.cart.retrieve(cartId)).cart;
      } catch (err) {
        if (err?.status === 404) return null;
        throw err;
      }
    },
    addToCart: async (cartId, variantId, quantity) => {
      const { sdk, regionId } = await configure();
      const id = cartId ?? (await sdk.store.cart.create({ region_id: regionId })).cart.id;
      return (await sdk.store.cart.createLineItem(id, { variant_id: variantId, quantity })).cart;
    },
    listRegionCountries: async () => {
      const { sdk, regionId } = await configure();
      const { region } = await sdk.store.region.retrieve(regionId, { fields: '*countries' });
      return region.countries ?? [];
    },
    shippingOptions: async (cartId) => {
      const { sdk } = await configure();
      return (await sdk.store.fulfillment.listCartOptions({ cart_id: cartId })).shipping_options;
    },
    /** Address + shipping + the manual payment provider + completion: one order, or an error. */
    checkout: async (cartId, details) => {
      const { sdk } = await configure();
      const address = {
        first_name: details.firstName,
        last_name: details.lastName,
        address_1: details.address,
        city: details.city,
        postal_code: details.postalCode,
        country_code: details.countryCode,
      };
      await sdk.store.cart.update(cartId, {
        email: details.email,
        shipping_address: address,
        billing_address: address,
      });
      await sdk.store.cart.addShippingMethod(cartId, { option_id: details.shippingOptionId });
      const { cart } = await sdk.store.cart.retrieve(cartId);
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: 'pp_system_default' });
      const result = await sdk.store.cart.complete(cartId);
      if (result.type !== 'order') {
        throw new Error(result.error?.message ?? 'the order could not be placed');
      }
      return result.order;
    },
    getOrder: async (orderId) => {
      const { sdk } = await configure();
      return (await sdk.store.order.retrieve(orderId, { fields: '*items' })).order;
    },
  };
}
