import type { ObjectStore } from '../../types.js';
import { imageFlavour } from '../image.js';
import type { WpSite } from '../exec/wp-cli.js';
import { WpState, type WpInstallInput } from '../exec/wp-state.js';
import type { MountedPath, VolumeFiles } from '../exec/volume-files.js';

/** What the setup's plugin install and the image's first start leave under wp-content. */
const SETUP_FILES: Record<string, string> = {
  'wp-content/plugins/woocommerce/woocommerce.php':
    '<?php\n/**\n * Plugin Name: WooCommerce\n * Version: 10.7.0\n */\n',
  'wp-content/themes/twentytwentyfive/style.css': '/*\nTheme Name: Twenty Twenty-Five\n*/\n',
  'wp-content/index.php': '<?php\n// Silence is golden.\n',
};

const pick = (env: Record<string, string>, pattern: RegExp): string | undefined =>
  Object.entries(env).find(([k, v]) => pattern.test(k) && v !== '')?.[1];
const flag = (text: string, name: string): string | undefined =>
  new RegExp(`--${name}=(?:"([^"]*)"|'([^']*)'|(\\S+))`)
    .exec(text)
    ?.slice(1)
    .find((v) => v !== undefined);

/** Install parameters from what the setup container was given: literal flags first, then its environment. */
export function installInput(env: Record<string, string>, commandText: string): WpInstallInput {
  const literal = (name: string): string | undefined => {
    const v = flag(commandText, name);
    return v && !v.includes('$') ? v : undefined;
  };
  return {
    url:
      literal('url') ?? pick(env, /(SITE_?URL|WP_URL|WORDPRESS_URL|STORE_URL|^URL)$/i) ?? 'http://localhost',
    title: literal('title') ?? pick(env, /(TITLE|SITE_NAME|STORE_NAME|BLOG_NAME)$/i) ?? 'Storedeck store',
    adminUser: literal('admin_user') ?? pick(env, /ADMIN_(USER|USERNAME|LOGIN)$/i) ?? 'admin',
    adminPassword: literal('admin_password') ?? pick(env, /ADMIN_PASS(WORD)?$/i) ?? 'admin',
    adminEmail: literal('admin_email') ?? pick(env, /ADMIN_EMAIL$/i) ?? 'admin@example.com',
  };
}

/** Each namespace's WordPress database, as WP-CLI sees it; created by a successful setup Job or `wp core install`. */
export class WpSites {
  private readonly sites = new Map<string, WpState>();

  drop(namespace: string): void {
    this.sites.delete(namespace);
  }

  get(namespace: string): WpState | undefined {
    return this.sites.get(namespace);
  }

  /** The setup Job's WP-CLI container exited 0: WordPress is installed and the store configured. */
  completeSetup(namespace: string, env: Record<string, string>, commandText: string): void {
    const state = this.sites.get(namespace) ?? new WpState(installInput(env, commandText));
    state.applyStoreSetup();
    this.sites.set(namespace, state);
  }

  /** The files a successful setup leaves on the WordPress volume (the Job mounts it at /var/www/html). */
  writeSetupFiles(volumes: VolumeFiles, resolve: (path: string) => MountedPath | null): void {
    for (const [path, text] of Object.entries(SETUP_FILES)) {
      const at = resolve(`/var/www/html/${path}`);
      if (at && !volumes.read(at)) volumes.write(at, Buffer.from(text, 'utf8'));
    }
  }

  site(store: ObjectStore, namespace: string): WpSite {
    return {
      state: () => this.sites.get(namespace),
      adopt: (state) => {
        this.sites.set(namespace, state);
      },
      install: (input) => {
        const state = new WpState(input);
        this.sites.set(namespace, state);
        return state;
      },
      // The database answers when a MySQL container in the namespace is ready.
      databaseReachable: () =>
        store.list('pods', namespace).some((p) => {
          const images = new Map(
            ((p.spec?.containers ?? []) as Array<{ name: string; image: string }>).map((c) => [
              c.name,
              c.image,
            ]),
          );
          return ((p.status?.containerStatuses ?? []) as Array<{ name: string; ready?: boolean }>).some(
            (cs) => cs.ready && imageFlavour(images.get(cs.name) ?? '') === 'mysql',
          );
        }),
    };
  }
}
