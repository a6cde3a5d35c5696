// The one API the renderer uses: the Electron bridge when the preload exposed it, else the web host.
import type { StoredeckApi } from '../../../preload/contract';
import { createWebClient } from './web-client';

type HostWindow = { storedeck?: StoredeckApi; location: { origin: string } };

/** desktop: window.storedeck (links go through openExternal); web: the host over fetch + WebSocket. */
export type Transport = 'desktop' | 'web';

export function resolveApi(win: HostWindow): StoredeckApi {
  return win.storedeck ?? createWebClient({ origin: win.location.origin });
}

export function transportOf(win: HostWindow): Transport {
  return win.storedeck ? 'desktop' : 'web';
}
