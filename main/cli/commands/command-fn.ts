// The shape every CLI command implements; the parser has already checked arity and flag types.
import type { CliContext } from '../cli-context';
import type { FlagValue } from '../parse-args';

export type CommandFn = (
  ctx: CliContext,
  args: Record<string, string>,
  flags: Record<string, FlagValue>,
  /** What followed `--` (commands with CommandSpec.rest only). */
  rest: string[],
) => Promise<number>;

export const stringFlag = (flags: Record<string, FlagValue>, name: string): string | undefined => {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
};

export const numberFlag = (flags: Record<string, FlagValue>, name: string): number | undefined => {
  const value = flags[name];
  return typeof value === 'number' ? value : undefined;
};
