// The desktop answer to the contract's openExternal (the shared handler only says "not here"):
// the system browser, for the http(s) addresses of the user's own stores and nothing else.
import { shell } from 'electron';
import { err, ok } from '../../preload/contract';
import type { Handlers } from '../api/handler-types';
import { isOpenableExternalUrl, isStoreUrl } from './external-url';

export function desktopOpenExternal(listStores: Handlers['listStores']): Handlers['openExternal'] {
  return async ({ url }) => {
    if (!isOpenableExternalUrl(url)) return err('invalid_request', 'Only http(s) addresses can be opened');
    const stores = await listStores({});
    if (!stores.ok) return err(stores.error.code, stores.error.message);
    if (!isStoreUrl(url, stores.value))
      return err('forbidden', 'Only the addresses of your stores open from Storedeck');
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK only http or https URLs of the user's own stores get here
    return ok({});
  };
}
