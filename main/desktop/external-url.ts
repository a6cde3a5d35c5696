// Only plain http(s) addresses may leave the app for the system browser: no file:, no custom
// schemes that launch other programs, no credentials smuggled in the URL.
export function isOpenableExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.hostname !== ''
  );
}

/** Whether the URL belongs to one of the stores (its storefront or admin origin). */
export function isStoreUrl(
  raw: string,
  stores: ReadonlyArray<{ url: string | null; adminUrl: string | null }>,
): boolean {
  if (!isOpenableExternalUrl(raw)) return false;
  const origin = new URL(raw).origin;
  return stores.some((store) =>
    [store.url, store.adminUrl].some(
      (known) => known !== null && isOpenableExternalUrl(known) && new URL(known).origin === origin,
    ),
  );
}
