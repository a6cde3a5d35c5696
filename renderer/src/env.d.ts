import type { StoredeckApi } from '../../preload/contract';

declare global {
  interface Window {
    /** Present in the Electron app (preload/index.ts); absent in the web host build. */
    storedeck?: StoredeckApi;
  }
}
