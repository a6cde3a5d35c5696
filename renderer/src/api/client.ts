// The one API the renderer uses: the Electron bridge when the preload exposed it, else the web host.
import type { StoredeckApi } from '../../../preload/contract';
import { createWebClient, takeLaunchToken, type LaunchWindow } from './web-client';

type HostWindow = Omit<LaunchWindow, 'location'> & {
  storedeck?: StoredeckApi;
  location: LaunchWindow['location'] & { origin: string };
};

/** desktop: window.storedeck (links go through openExternal); web: the host over fetch + WebSocket. */
export type Transport = 'desktop' | 'web';

export function resolveApi(win: HostWindow): StoredeckApi {
  return win.storedeck ?? createWebClient({ origin: win.location.origin, token: takeLaunchToken(win) });
}

export function transportOf(win: Pick<HostWindow, 'storedeck'>): Transport {
  return win.storedeck ? 'desktop' : 'web';
}
