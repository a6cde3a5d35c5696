// Every fixed object name of a WooCommerce store: fixed names let a second reconcile pass find
// what the first one made instead of creating it twice.
export const NAMESPACE_PREFIX = 'store-';

export const OBJECT_NAMES = {
  mysqlSecret: 'mysql-credentials',
  wordpressSecret: 'wordpress-secrets',
  quota: 'store-quota',
  limits: 'store-limits',
  mysqlPvc: 'mysql-data',
  wordpressPvc: 'wordpress-data',
  mysql: 'mysql',
  wordpress: 'wordpress',
  setupJob: 'woocommerce-setup',
  ingress: 'wordpress-ingress',
  networkPolicy: 'store-isolation',
  setupEgressPolicy: 'setup-egress',
  phpConfig: 'php-config',
} as const;

/** Prefix of password-reset Job names; the caller appends a unique suffix. */
export const PASSWORD_RESET_JOB_PREFIX = 'admin-password-reset';

/** Keys inside the two Secrets (the one place they are spelled). */
export const SECRET_KEYS = {
  mysqlRootPassword: 'mysql-root-password',
  mysqlPassword: 'mysql-password',
  adminPassword: 'admin-password',
} as const;

/** The 8 WordPress keys and salts: Secret key → the env var the official image reads. */
export const WP_SALT_KEYS = [
  ['auth-key', 'WORDPRESS_AUTH_KEY'],
  ['secure-auth-key', 'WORDPRESS_SECURE_AUTH_KEY'],
  ['logged-in-key', 'WORDPRESS_LOGGED_IN_KEY'],
  ['nonce-key', 'WORDPRESS_NONCE_KEY'],
  ['auth-salt', 'WORDPRESS_AUTH_SALT'],
  ['secure-auth-salt', 'WORDPRESS_SECURE_AUTH_SALT'],
  ['logged-in-salt', 'WORDPRESS_LOGGED_IN_SALT'],
  ['nonce-salt', 'WORDPRESS_NONCE_SALT'],
] as const;

export const DATABASE = { name: 'wordpress', user: 'wordpress', port: 3306 } as const;
export const ADMIN_USER = 'admin';
export const HTTP_PORT = 80;

export function storeNamespace(slug: string): string {
  return `${NAMESPACE_PREFIX}${slug}`;
}
