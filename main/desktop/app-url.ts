// Whether a URL is the app's own page (the only place an app window may navigate or send IPC from).
export function isAppUrl(target: string, appUrl: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(target);
    b = new URL(appUrl);
  } catch {
    return false;
  }
  if (b.protocol === 'file:') return a.protocol === 'file:' && a.pathname === b.pathname;
  // URL.origin is "null" for custom schemes such as app://, so compare scheme and host directly.
  return a.protocol === b.protocol && a.host === b.host && a.host !== '';
}
