// Store name → slug → namespace, host and URL: the one rule the engine builds stores with and the
// create dialog previews as the user types. The slug is a DNS-1123 label, so it is valid both as
// the namespace suffix and as the first label of the store's host name.

/** Every store's namespace is `store-<slug>`. */
export const NAMESPACE_PREFIX = 'store-';

/** Longest slug such that `store-<slug>` fits a 63-character namespace name. */
export const MAX_SLUG_LENGTH = 63 - NAMESPACE_PREFIX.length;

/**
 * Slugs refused even though they are valid labels. The `store-` prefix already keeps them off
 * real system namespaces, but "store-kube-system" or "store-default" would read as cluster
 * namespaces to anyone listing them, and www/api/admin/localhost as host names
 * (`api.<baseDomain>`, `localhost.localhost`) collide with what a base domain or loopback serves.
 */
const RESERVED_SLUGS: readonly string[] = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'storedeck',
  'admin',
  'system',
  'api',
  'www',
  'localhost',
];

// Letters NFKD does not decompose into a base letter plus a mark.
const TRANSLITERATE: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

export function slugify(name: string): string {
  const folded = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/g, (ch) => TRANSLITERATE[ch] ?? ch);
  const dashed = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return dashed.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

export type StoreNameCheck = { ok: true; slug: string } | { ok: false; message: string };

/** Refuses names whose slug is empty or reserved; use inside a zod superRefine or on its own. */
export function validateStoreName(name: string): StoreNameCheck {
  const slug = slugify(name);
  if (slug === '') {
    return { ok: false, message: 'Store name must contain at least one letter or digit' };
  }
  if (RESERVED_SLUGS.includes(slug)) {
    return { ok: false, message: `Store name "${name.trim()}" is reserved; choose another name` };
  }
  return { ok: true, slug };
}

/** zod adapter: `StoreNameSchema.superRefine(refineStoreName)` reports the same message at the IPC boundary. */
export function refineStoreName(
  name: string,
  ctx: { addIssue: (issue: { code: 'custom'; message: string }) => void },
): void {
  const check = validateStoreName(name);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
}

/** "http://shop.localhost:8080", or without the port when it is 80 (or not known). */
export function storeOrigin(host: string, httpPort: number | null): string {
  return httpPort === null || httpPort === 80 ? `http://${host}` : `http://${host}:${httpPort}`;
}

/**
 * Host of a store: <slug>.<baseDomain> when a base domain is set, else <slug>.localhost on local
 * clusters (resolves to loopback offline); null for a remote cluster without a base domain.
 */
export function storeHost(
  slug: string,
  options: { isLocal: boolean; baseDomain: string | null },
): string | null {
  const domain = options.baseDomain?.trim().replace(/^\.+|\.+$/g, '');
  if (domain) return `${slug}.${domain}`;
  return options.isLocal ? `${slug}.localhost` : null;
}

/** What decides a context's store URLs (the contract's getStoreAddressRule). */
export interface StoreAddressRule {
  context: string;
  isLocal: boolean;
  baseDomain: string | null;
  /** The host port the context's ingress answers on (null: 80). */
  httpPort: number | null;
}

export type StoreAddressPreview =
  | { ok: true; slug: string; namespace: string; url: string | null; problem: string | null }
  | { ok: false; message: string };

/** The slug, namespace and storefront URL a name would get on a context, as the engine decides them. */
export function previewStoreAddress(name: string, rule: StoreAddressRule): StoreAddressPreview {
  const check = validateStoreName(name);
  if (!check.ok) return check;
  const host = storeHost(check.slug, rule);
  return {
    ok: true,
    slug: check.slug,
    namespace: `${NAMESPACE_PREFIX}${check.slug}`,
    url: host ? `${storeOrigin(host, rule.httpPort)}/` : null,
    problem: host
      ? null
      : `Context "${rule.context}" is a remote cluster and no base domain is set: set one in Settings so the store gets a host name`,
  };
}
