// Only plain http(s) addresses may leave the app for the system browser: no file:, no custom
// schemes that launch other programs, no credentials smuggled in the URL.
export function isOpenableExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.hostname !== '';
}
