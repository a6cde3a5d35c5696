// GET /storedeck/storefront-config: what the storefront needs to talk to the Store API — the
// publishable key (public by design: every browser storefront ships it) and the region. It
// lives outside /store so it needs no key itself; 503 until setup has created both.
import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { ContainerRegistrationKeys } from '@medusajs/framework/utils';
import { STORE_FACTS } from '../../../setup/catalog';

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const [{ data: keys }, { data: regions }] = await Promise.all([
    query.graph({
      entity: 'api_key',
      fields: ['token', 'revoked_at'],
      filters: { title: STORE_FACTS.publishableKey, type: 'publishable' },
    }),
    query.graph({ entity: 'region', fields: ['id'], filters: { name: STORE_FACTS.region.name } }),
  ]);
  const key = (keys as { token: string; revoked_at: unknown }[]).find((k) => !k.revoked_at);
  if (!key || regions.length === 0) {
    res.status(503).json({ message: 'The store is not set up yet (setup has not finished).' });
    return;
  }
  res.json({ publishableKey: key.token, regionId: (regions[0] as { id: string }).id });
}
