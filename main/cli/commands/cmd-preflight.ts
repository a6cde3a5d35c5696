// `storedeck preflight`: the Cluster view's checks, one line each with ok / warning / failure
// and, where something is wrong, the fix. Exit 1 when any check fails.
import type { Preflight } from '../../../preload/contract';
import { print, reportError } from '../cli-context';
import { EXIT_FAILED } from '../cli-errors';
import type { CommandFn } from './command-fn';

const LABEL = { ok: 'ok     ', warn: 'warning', fail: 'failure' } as const;

function formatPreflight(result: Preflight): string {
  const width = Math.max(...result.checks.map((c) => c.title.length));
  const lines = [`Preflight for context ${result.context}:`];
  for (const check of result.checks) {
    lines.push(`  ${LABEL[check.status]}  ${check.title.padEnd(width)}  ${check.detail}`);
    if (check.fix && check.status !== 'ok')
      lines.push(`  ${' '.repeat(7)}  ${' '.repeat(width)}  fix: ${check.fix}`);
  }
  lines.push(result.ok ? 'This context can host stores.' : 'This context cannot host stores yet.');
  return lines.join('\n');
}

export const runPreflightCommand: CommandFn = async (ctx) => {
  const result = await ctx.call('runPreflight', {});
  if (!result.ok) return reportError(ctx, result.error);
  print(ctx, result.value, () => formatPreflight(result.value));
  return result.value.ok ? 0 : EXIT_FAILED;
};
