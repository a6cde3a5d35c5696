// After the data of another store is loaded into a new one: its URLs become the new store's
// (wp search-replace, which rewrites PHP-serialized values safely), its admin password the one
// in the new store's Secret (sent on stdin, never in argv), and caches and rewrite rules are
// rebuilt. All in the store's WP-CLI console pod. Also reads the versions a manifest records.
import type { KubeClient } from '../../kube/client';
import type { WpConsoles } from '../operations/wp-console';
import { revealAdminPassword } from '../operations/password';
import type { StoreContext, StoreStrategy } from '../strategies/strategy';
import { TransferError } from './store-transfer';

export interface ConsoleTarget {
  client: KubeClient;
  ctx: StoreContext;
  strategy: StoreStrategy;
  consoles: WpConsoles;
}

async function wp(t: ConsoleTarget, args: string[], stdin?: string): Promise<{ code: number; out: string }> {
  const access = t.strategy.wpCli;
  if (!access) throw new TransferError(`${t.strategy.plan} stores have no WP-CLI`);
  let out = '';
  const code = await t.consoles.run(t.client, t.ctx, access, args, (text) => (out += text), { stdin });
  return { code, out };
}

async function must(t: ConsoleTarget, what: string, args: string[], stdin?: string): Promise<string> {
  const r = await wp(t, args, stdin);
  if (r.code !== 0)
    throw new TransferError(`${what} (wp ${args[0]}) exited with ${r.code}: ${r.out.trim().slice(-400)}`);
  return r.out;
}

/** "http://shop.localhost/" → "http://shop.localhost": how home/siteurl store it. */
export const siteOrigin = (url: string): string => url.replace(/\/+$/, '');

export async function finishRestore(t: ConsoleTarget, oldUrl: string, newUrl: string): Promise<void> {
  const from = siteOrigin(oldUrl);
  const to = siteOrigin(newUrl);
  if (from !== to)
    await must(t, 'Rewriting the URLs', ['search-replace', from, to, '--all-tables', '--skip-columns=guid']);
  const credentials = await revealAdminPassword(t.client, t.ctx, t.strategy);
  if (!credentials.ok) throw new TransferError(credentials.error.message);
  const user = t.strategy.backup?.adminUser ?? credentials.value.username;
  await must(
    t,
    'Setting the admin password',
    ['user', 'update', user, '--prompt=user_pass'],
    `${credentials.value.password}\n`,
  );
  await must(t, 'Flushing the cache', ['cache', 'flush']);
  await must(t, 'Flushing the rewrite rules', ['rewrite', 'flush']);
}

/** WordPress and WooCommerce versions as the store reports them (null when it cannot say). */
export async function readVersions(
  t: ConsoleTarget,
): Promise<{ wordpress: string | null; woocommerce: string | null }> {
  const line = async (args: string[]) => {
    const r = await wp(t, args).catch(() => null);
    return r && r.code === 0 ? r.out.trim().split('\n')[0] || null : null;
  };
  return {
    wordpress: await line(['core', 'version']),
    woocommerce: await line(['plugin', 'get', 'woocommerce', '--field=version']),
  };
}
