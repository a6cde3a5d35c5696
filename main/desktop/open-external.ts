// The desktop answer to the contract's openExternal: main's own validation first, then the
// system browser for http(s) only.
import { shell } from 'electron';
import { err, ok } from '../../preload/contract';
import type { Handlers } from '../api/handler-types';
import { isOpenableExternalUrl } from './external-url';

export function desktopOpenExternal(validate: Handlers['openExternal']): Handlers['openExternal'] {
  return async (request) => {
    const checked = await validate(request);
    // The shared handler may refuse (e.g. not a known store URL); "not available" only means no browser of its own.
    if (!checked.ok && checked.error.code !== 'not_available') return checked;
    if (!isOpenableExternalUrl(request.url)) return err('invalid_request', 'Only http(s) addresses can be opened');
    await shell.openExternal(request.url);
    return ok({});
  };
}
