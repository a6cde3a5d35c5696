// The two shapes most store commands share: resolve <store> first (a slug, name or id), and
// for the simplest, one request about it whose answer is printed.
import type { RequestName, ResponseOf, Store } from '../../../preload/contract';
import { print, reportError, type CliContext } from '../cli-context';
import { resolveStore } from '../resolve-store';
import type { CommandFn } from './command-fn';

type StoreCommandFn = (
  ctx: CliContext,
  store: Store,
  ...rest: Parameters<CommandFn> extends [CliContext, Record<string, string>, ...infer T] ? T : never
) => Promise<number>;

/** Resolves <store> and hands it to fn, or prints why it could not. */
export const withStore =
  (fn: StoreCommandFn): CommandFn =>
  async (ctx, args, flags, rest) => {
    const resolved = await resolveStore(ctx, args.store ?? '');
    return resolved.ok ? fn(ctx, resolved.value, flags, rest) : reportError(ctx, resolved.error);
  };

/** One request about <store> (by its id); its answer printed as JSON under --json, else by `human`. */
export const storeRequest = <K extends RequestName>(
  name: K,
  human: (value: ResponseOf<K>, store: Store) => string,
): CommandFn =>
  withStore(async (ctx, store) => {
    const result = await ctx.call(name, { id: store.id });
    if (!result.ok) return reportError(ctx, result.error);
    print(ctx, result.value, () => human(result.value, store));
    return 0;
  });
