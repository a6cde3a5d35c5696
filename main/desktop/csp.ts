// The one Content-Security-Policy for every way the renderer is served; the window, the web host
// and renderer/index.html all use it so they cannot drift apart.
export type CspMode = 'app' | 'web' | 'dev';

/** `meta` leaves out frame-ancestors, which browsers ignore (and complain about) in a meta tag. */
export function contentSecurityPolicy(mode: CspMode, delivery: 'header' | 'meta' = 'header'): string {
  // The web build talks to the host's WebSocket; Vite's dev server needs inline scripts/styles for HMR.
  // The desktop page talks to main over IPC only: it needs no network at all.
  const connect = {
    app: "'none'",
    web: "'self' ws://127.0.0.1:* ws://localhost:*",
    dev: "'self' ws://localhost:* ws://127.0.0.1:*",
  }[mode];
  const inline = mode === 'dev' ? " 'unsafe-inline'" : '';
  const directives = [
    mode === 'app' ? "default-src 'none'" : "default-src 'self'",
    `script-src 'self'${inline}`,
    `style-src 'self'${inline}`,
    `connect-src ${connect}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  return directives.filter((d) => delivery === 'header' || !d.startsWith('frame-ancestors')).join('; ');
}
