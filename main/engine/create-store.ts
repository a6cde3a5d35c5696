// Admission of a new store: the contract's parsed request (every plan of it has a strategy), a
// slug unique in its context, room under the context's limit. Nothing is written unless every
// check passes.
import { err, type ParsedRequestOf, type Result, type Settings, type Store } from '../../preload/contract';
import type { StoresRepo } from '../state/stores.repo';
import { storeNamespace } from './model/names';
import { validateStoreName } from '../../preload/store-address';

/** What createStore's schema made of the request (trimmed name, email, plan defaulted), and where. */
export type CreateStoreInput = ParsedRequestOf<'createStore'> & {
  /** The cluster context the store lives in. */
  context: string;
};

export function admitStore(
  input: CreateStoreInput,
  stores: StoresRepo,
  settings: Settings,
  /** The context's ingress host port (its Kind cluster's, else the setting); null: 80. */
  httpPort: number | null = settings.ingressHttpPort,
): Result<Store> {
  const { name, adminEmail, plan } = input;
  const context = input.context.trim();
  if (!context) return err('no_context', 'No cluster context selected');
  const named = validateStoreName(name);
  if (!named.ok) return err('invalid_request', `name: ${named.message}`);

  const taken = stores.getBySlug(context, named.slug);
  if (taken) {
    return err(
      'conflict',
      `Store "${taken.name}" already uses the address "${named.slug}" in context "${context}"; choose another name`,
    );
  }
  const count = stores.countByContext(context);
  if (count >= settings.maxStoresPerContext) {
    return err(
      'limit_reached',
      `Context "${context}" already has ${count} stores (the limit is ${settings.maxStoresPerContext}); delete one or raise the limit in Settings`,
    );
  }
  return stores.insert({
    name,
    slug: named.slug,
    namespace: storeNamespace(named.slug),
    plan,
    context,
    adminEmail,
    status: 'Queued',
    desired: {
      baseDomain: settings.baseDomain,
      storageClass: settings.storageClass,
      imageRegistry: settings.imageRegistry,
      httpPort,
    },
  });
}
