// The env the official WordPress image's wp-config.php reads (database + keys/salts). The Jobs
// run WP-CLI against that same wp-config.php on the shared volume, so they need the same env.
import { DATABASE, OBJECT_NAMES, SECRET_KEYS, WP_SALT_KEYS } from './woocommerce-facts';
import { fromSecret, type EnvVar } from '../env-var';

export function wordpressConfigEnv(): EnvVar[] {
  return [
    { name: 'WORDPRESS_DB_HOST', value: OBJECT_NAMES.mysql },
    { name: 'WORDPRESS_DB_USER', value: DATABASE.user },
    fromSecret('WORDPRESS_DB_PASSWORD', OBJECT_NAMES.mysqlSecret, SECRET_KEYS.mysqlPassword),
    { name: 'WORDPRESS_DB_NAME', value: DATABASE.name },
    ...WP_SALT_KEYS.map(([key, env]) => fromSecret(env, OBJECT_NAMES.wordpressSecret, key)),
  ];
}
