// Pinned images (tags checked against Docker Hub's official images): a store made today and one
// made next month run the same software, and a registry mirror can hold exactly these.
export const IMAGES = {
  /** MySQL 8.4 LTS. */
  mysql: 'mysql:8.4.10',
  /** Debian + Apache, runs as www-data uid 33. */
  wordpress: 'wordpress:6.9.4-php8.3-apache',
  /** Alpine WP-CLI image (its own www-data is uid 82, hence the Job's runAsUser 33). */
  wpCli: 'wordpress:cli-2.12.0-php8.3',
} as const;
export type ImageName = keyof typeof IMAGES;

/** WooCommerce installed by the setup Job, pinned like the images; its "Requires at least" (6.8) fits the pinned WordPress. */
export const WOOCOMMERCE_VERSION = '10.7.0';

/** Image reference with an optional registry prefix, e.g. "registry.local:5000/mysql:8.4.10". */
export function imageRef(image: ImageName, registry: string | null): string {
  const prefix = registry?.trim().replace(/\/+$/, '');
  return prefix ? `${prefix}/${IMAGES[image]}` : IMAGES[image];
}
