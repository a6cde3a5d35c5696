// What the app:// scheme answers: files of the built renderer (out/renderer) and nothing else.
// Pure (a fetch Request in, a Response out) so it is tested in Node; app-scheme.ts hands it to
// Electron's protocol.handle.
import { readFile, stat } from 'node:fs/promises';
import { contentTypeFor, resolveStaticPath } from '../host/static-files';

export const APP_SCHEME = 'app';
const APP_HOST = 'storedeck';
/** The renderer's address in the desktop app: a standard, secure origin of its own (not file://). */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export async function appFileResponse(rendererDir: string, request: Request, csp: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  const path = resolveStaticPath(rendererDir, url.pathname);
  const info = path ? await stat(path).catch(() => null) : null;
  if (!path || !info?.isFile()) return notFound();
  const body = request.method === 'HEAD' ? null : await readFile(path);
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': contentTypeFor(path),
      // The page's policy travels with every response, as it does from the web host.
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}
