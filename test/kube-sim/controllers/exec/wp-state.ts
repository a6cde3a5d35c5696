import { createHash } from 'node:crypto';

export interface WpUser {
  id: number;
  login: string;
  email: string;
  displayName: string;
  /** Kept hashed, as WordPress does. */
  passHash: string;
  roles: string[];
}

export interface WpInstallInput {
  url: string;
  title: string;
  adminUser: string;
  adminPassword: string;
  adminEmail: string;
}

const hash = (password: string): string => createHash('sha256').update(`wp-sim:${password}`).digest('hex');

/** What a store's database holds, as far as WP-CLI commands can observe it. */
export class WpState {
  readonly users = new Map<string, WpUser>();
  readonly options = new Map<string, string>();
  readonly activePlugins = new Set<string>();
  readonly installedPlugins = new Set<string>();

  constructor(input: WpInstallInput) {
    this.users.set(input.adminUser, {
      id: 1,
      login: input.adminUser,
      email: input.adminEmail,
      displayName: input.adminUser,
      passHash: hash(input.adminPassword),
      roles: ['administrator'],
    });
    for (const [k, v] of Object.entries({
      siteurl: input.url,
      home: input.url,
      blogname: input.title,
      admin_email: input.adminEmail,
      permalink_structure: '',
      blog_public: '1',
    }))
      this.options.set(k, v);
  }

  findUser(ref: string): WpUser | undefined {
    return [...this.users.values()].find((u) => u.login === ref || String(u.id) === ref || u.email === ref);
  }

  setPassword(user: WpUser, password: string): void {
    user.passHash = hash(password);
  }

  checkPassword(user: WpUser, password: string): boolean {
    return user.passHash === hash(password);
  }

  /** What the store setup Job leaves behind when it succeeds (see the SPEC's setup script). */
  applyStoreSetup(): void {
    this.options.set('permalink_structure', '/%postname%/');
    this.options.set('woocommerce_coming_soon', 'no');
    this.options.set('woocommerce_store_pages_only', 'no');
    this.options.set('woocommerce_cod_settings', 'a:1:{s:7:"enabled";s:3:"yes";}');
    this.installedPlugins.add('woocommerce');
    this.activePlugins.add('woocommerce');
  }
}
