// `<store>` on the command line is an id, a slug or a name, in the selected context only.
import { err, ok, type Result, type Store } from '../../preload/contract';
import type { CliContext } from './cli-context';

/** Picks the store a reference means: exact id, then slug, then name, then name ignoring case. */
function matchStore(stores: Store[], ref: string): Result<Store> {
  const lower = ref.toLowerCase();
  const tiers: Array<(s: Store) => boolean> = [
    (s) => s.id === ref,
    (s) => s.slug === ref,
    (s) => s.name === ref,
    (s) => s.name.toLowerCase() === lower || s.slug === lower,
  ];
  for (const test of tiers) {
    const hits = stores.filter(test);
    if (hits.length === 1) return ok(hits[0] as Store);
    if (hits.length > 1)
      return err(
        'conflict',
        `"${ref}" matches several stores (${hits.map((s) => s.id).join(', ')}); use the id`,
      );
  }
  return err('not_found', `no store "${ref}" in this context (see storedeck list)`);
}

export async function resolveStore(ctx: CliContext, ref: string): Promise<Result<Store>> {
  const listed = await ctx.call('listStores', {});
  return listed.ok ? matchStore(listed.value, ref) : listed;
}
