import type { LogScript, ScriptInput } from './log-script.js';
import { spread } from './log-script.js';

// WP-CLI's own output for the store setup Job: core install, WooCommerce, permalinks, a product,
// Cash on Delivery, the shop made public. A failed run ends with WP-CLI's database error.
export function wpCliScript(input: ScriptInput): LogScript {
  const woo = '9.4.2';
  const productId = 10 + input.rng.int(20);
  const ok = [
    'Success: WordPress installed successfully.',
    `Installing WooCommerce (${woo})`,
    `Downloading installation package from https://downloads.wordpress.org/plugin/woocommerce.${woo}.zip...`,
    'Unpacking the package...',
    'Installing the plugin...',
    'Plugin installed successfully.',
    "Activating 'woocommerce'...",
    "Plugin 'woocommerce' activated.",
    'Success: Installed 1 of 1 plugins.',
    'Success: Rewrite structure set.',
    'Success: Rewrite rules flushed.',
    `Success: Created product ${productId}.`,
    "Success: Updated 'woocommerce_cod_settings' option.",
    "Success: Updated 'woocommerce_coming_soon' option.",
    "Success: Deleted '_wc_activation_redirect' transient.",
    'Store setup complete.',
  ];
  const failed = [
    'Waiting for the database at mysql:3306...',
    "Error: Error establishing a database connection. This either means that the username and password information in your `wp-config.php` file is incorrect or that contact with the database server at `mysql` could not be established. This could mean your host's database server is down.",
  ];
  const texts = input.outcome === 'succeed' ? ok : failed;
  const end = input.exitAfterMs ?? 1000;
  const at = spread(texts.length, end * 0.05, end * 0.97);
  return { lines: texts.map((t, i) => ({ offset: at[i] as number, text: () => t })) };
}

/** Anything else: a short start banner, and a clear last line when it fails or crashes. */
export function genericScript(input: ScriptInput): LogScript {
  const texts = [`Starting ${input.container} (${input.image})`, `${input.container} is up`];
  if (input.outcome === 'succeed') texts.push('done');
  if (input.outcome === 'fail' || input.outcome === 'crash')
    texts.push(`fatal: ${input.container} exited with status 1`);
  const end = input.exitAfterMs ?? Math.max(1, input.readyAfterMs);
  const at = spread(texts.length, 0, end * 0.95);
  return { lines: texts.map((t, i) => ({ offset: at[i] as number, text: () => t })) };
}
