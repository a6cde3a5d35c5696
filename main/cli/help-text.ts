// Help text built from the command table, so it can never drift from what the parser accepts.
import { COMMANDS, GLOBAL_FLAGS, type CommandSpec, type FlagSpec } from './command-specs';
import { usageLine } from './parse-args';

function flagLines(flags: FlagSpec[]): string[] {
  const left = flags.map((f) => (f.type === 'boolean' ? `--${f.name}` : `--${f.name} ${f.value ?? 'VALUE'}`));
  const width = Math.max(...left.map((l) => l.length));
  return flags.map((f, i) => `  ${(left[i] as string).padEnd(width)}  ${f.description}`);
}

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'storedeck — isolated WooCommerce and Medusa stores on Kubernetes, from the shell',
    '',
    'Usage: storedeck [global options] <command> [arguments] [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    ...flagLines(GLOBAL_FLAGS),
    '',
    'Exit codes: 0 ok, 1 the operation failed, 2 bad input.',
    'Run "storedeck <command> --help" for a command’s options.',
    '',
  ].join('\n');
}

export function commandHelp(command: CommandSpec): string {
  const lines = [
    `Usage: ${usageLine(command)}`,
    '',
    `${command.summary[0]?.toUpperCase()}${command.summary.slice(1)}.`,
  ];
  const args = [...command.args, ...(command.rest ? [command.rest] : [])];
  if (args.length > 0) {
    lines.push('', 'Arguments:', ...args.map((a) => `  <${a.name}>  ${a.description}`));
  }
  if (command.flags.length > 0) lines.push('', 'Options:', ...flagLines(command.flags));
  lines.push('', 'Global options:', ...flagLines(GLOBAL_FLAGS), '');
  return lines.join('\n');
}
