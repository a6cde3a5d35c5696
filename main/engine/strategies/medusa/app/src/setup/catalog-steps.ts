// Find-or-create steps for the catalogue and the admin user (see commerce-steps.ts for the rule).
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createUsersWorkflow,
} from '@medusajs/medusa/core-flows';
import type { MedusaContainer } from '@medusajs/framework/types';
import { ContainerRegistrationKeys, Modules, ProductStatus } from '@medusajs/framework/utils';
import { STORE_FACTS } from './catalog';

type Log = (message: string) => void;

export async function ensureSampleProduct(
  container: MedusaContainer,
  salesChannelId: string,
  locationId: string,
  shippingProfileId: string,
  log: Log,
): Promise<void> {
  const { title, handle, sku, price, stock } = STORE_FACTS.product;
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const lookup = () =>
    query.graph({
      entity: 'product',
      fields: ['id', 'shipping_profile.id', 'variants.id', 'variants.inventory_items.inventory_item_id'],
      filters: { handle },
    });
  let { data } = await lookup();
  if (data.length === 0) {
    await createProductsWorkflow(container).run({
      input: {
        products: [
          {
            title,
            handle,
            description: 'The product every Storedeck store starts with.',
            status: ProductStatus.PUBLISHED,
            options: [{ title: 'Default', values: ['Default'] }],
            variants: [
              {
                title: 'Default',
                sku,
                options: { Default: 'Default' },
                manage_inventory: true,
                prices: [{ amount: price, currency_code: STORE_FACTS.region.currency }],
              },
            ],
            sales_channels: [{ id: salesChannelId }],
            // Without a shipping profile no shipping method satisfies the cart: checkout fails.
            shipping_profile_id: shippingProfileId,
          },
        ],
      },
    });
    log(`created product "${title}" at ${price} ${STORE_FACTS.region.currency.toUpperCase()}`);
    ({ data } = await lookup());
  }
  const product = data[0] as {
    id: string;
    shipping_profile?: { id: string } | null;
    variants?: { inventory_items?: { inventory_item_id: string }[] }[];
  };
  if (!product.shipping_profile?.id) {
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.PRODUCT]: { product_id: product.id },
      [Modules.FULFILLMENT]: { shipping_profile_id: shippingProfileId },
    });
    log(`linked "${title}" to the shipping profile`);
  }
  const variants = product.variants;
  const itemId = variants?.[0]?.inventory_items?.[0]?.inventory_item_id;
  if (!itemId) throw new Error(`"${title}" has no inventory item (manage_inventory is off?)`);
  const levels = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({ inventory_item_id: itemId, location_id: locationId });
  if (levels.length > 0) return;
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: [{ inventory_item_id: itemId, location_id: locationId, stocked_quantity: stock }],
    },
  });
  log(`stocked ${stock} of "${title}" at "${STORE_FACTS.stockLocation.name}"`);
}

/**
 * The admin user and its email/password identity. The password is only set when the identity
 * is created: afterwards the password-reset script owns it (a re-run must not undo a reset).
 */
export async function ensureAdminUser(
  container: MedusaContainer,
  email: string,
  password: string,
  log: Log,
): Promise<void> {
  const users = container.resolve(Modules.USER);
  let [user] = await users.listUsers({ email });
  if (!user) {
    const { result } = await createUsersWorkflow(container).run({
      input: { users: [{ email }] },
    });
    user = result[0];
    log(`created admin user ${email}`);
  }
  const auth = container.resolve(Modules.AUTH);
  const [identity] = await auth.listProviderIdentities(
    { entity_id: email, provider: 'emailpass' },
    { relations: ['auth_identity'] },
  );
  let authIdentityId = identity?.auth_identity_id;
  let linkedUser = (identity?.auth_identity?.app_metadata as { user_id?: string } | undefined)?.user_id;
  if (!authIdentityId) {
    const { authIdentity, error } = await auth.register('emailpass', {
      body: { email, password },
    } as Parameters<typeof auth.register>[1]);
    if (error || !authIdentity) throw new Error(`cannot register ${email}: ${error ?? 'unknown'}`);
    authIdentityId = authIdentity.id;
    linkedUser = undefined;
    log(`set the admin password for ${email}`);
  }
  if (linkedUser !== user.id) {
    await auth.updateAuthIdentities({ id: authIdentityId, app_metadata: { user_id: user.id } });
    log(`linked ${email}'s login to the admin user`);
  }
}
