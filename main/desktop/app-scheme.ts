// Serves the renderer over app://storedeck/ instead of file://: a real origin, so 'self' in the
// CSP means the app's own files only (under file:// it means every file on the disk), and no
// file:// page ever runs with the extra privileges Chromium grants that scheme.
import { protocol } from 'electron';
import { APP_SCHEME, appFileResponse } from './app-files';
import { contentSecurityPolicy } from './csp';

/** Must run before app 'ready': privileges are fixed when the scheme is registered. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

/** After 'ready': answers app:// from the built renderer directory. */
export function serveAppScheme(rendererDir: string): void {
  const csp = contentSecurityPolicy('app');
  protocol.handle(APP_SCHEME, (request) => appFileResponse(rendererDir, request, csp));
}
