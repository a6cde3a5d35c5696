// Rewrites the CSP meta tag of renderer/index.html for the web host build and the dev server,
// so the source HTML carries the strict desktop policy and nothing else has to be edited by hand.
import type { Plugin } from 'vite';
import { contentSecurityPolicy, type CspMode } from '../main/desktop/csp';

const META_RE = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;

export function withCsp(html: string, mode: CspMode): string {
  if (!META_RE.test(html)) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  return html.replace(
    META_RE,
    (_m, open: string, close: string) => `${open}${contentSecurityPolicy(mode, 'meta')}${close}`,
  );
}

export function cspHtmlPlugin(build: CspMode): Plugin {
  return {
    name: 'storedeck:csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => withCsp(html, ctx.server ? 'dev' : build),
    },
  };
}
