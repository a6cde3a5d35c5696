// argv → a command with its arguments and flags, or one clear message (exit code 2).
import { COMMANDS, findCommand, GLOBAL_FLAGS, type CommandSpec, type FlagSpec } from './command-specs';

export interface GlobalOptions {
  kubeconfig?: string;
  context?: string;
  dataDir?: string;
  json: boolean;
}

export type FlagValue = string | number | boolean;

export type ParsedArgs =
  | { kind: 'help'; command: CommandSpec | null }
  | {
      kind: 'run';
      command: CommandSpec;
      args: Record<string, string>;
      flags: Record<string, FlagValue>;
      global: GlobalOptions;
      /** What followed `--`, for commands that take it (CommandSpec.rest). */
      rest: string[];
    };

export type ParseResult = { ok: true; value: ParsedArgs } | { ok: false; message: string };

const fail = (message: string): ParseResult => ({ ok: false, message });

interface RawFlag {
  name: string;
  inline: string | undefined;
}

function splitFlag(token: string): RawFlag | null {
  if (token === '-h') return { name: 'help', inline: undefined };
  if (!token.startsWith('--') || token === '--') return null;
  const eq = token.indexOf('=');
  return eq === -1
    ? { name: token.slice(2), inline: undefined }
    : { name: token.slice(2, eq), inline: token.slice(eq + 1) };
}

function findCommandToken(argv: string[]): { index: number; spec: CommandSpec | undefined } | null {
  // Before the command only global flags are meaningful, so only they can swallow a value there.
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--')
      return i + 1 < argv.length ? { index: i + 1, spec: findCommand(argv[i + 1] as string) } : null;
    const flag = splitFlag(token);
    if (!flag) return { index: i, spec: findCommand(token) };
    const spec = GLOBAL_FLAGS.find((f) => f.name === flag.name);
    if (spec && spec.type !== 'boolean' && flag.inline === undefined) i++;
  }
  return null;
}

function convert(spec: FlagSpec, raw: string): FlagValue | { error: string } {
  if (spec.type !== 'number') return raw;
  if (!/^\d{1,9}$/.test(raw)) return { error: `--${spec.name} expects a whole number, got "${raw}"` };
  return Number(raw);
}

export function usageLine(command: CommandSpec): string {
  const args = command.args.map((a) => (a.optional ? `[<${a.name}>]` : `<${a.name}>`));
  const flags = command.flags.map((f) => {
    const text = f.type === 'boolean' ? `--${f.name}` : `--${f.name} ${f.value ?? 'VALUE'}`;
    return f.required ? text : `[${text}]`;
  });
  const rest = command.rest ? [`-- <${command.rest.name}>...`] : [];
  return ['storedeck', command.name, ...args, ...flags, ...rest].join(' ');
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const tokens = [...argv];
  const wantsHelp = tokens.some(
    (t, i) => (t === '--help' || t === '-h') && !tokens.slice(0, i).includes('--'),
  );
  const found = findCommandToken(tokens);
  if (!found)
    return wantsHelp
      ? { ok: true, value: { kind: 'help', command: null } }
      : fail('no command given (see storedeck --help)');
  const command = found.spec;
  if (!command) {
    const name = tokens[found.index] as string;
    return fail(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
  }
  if (wantsHelp) return { ok: true, value: { kind: 'help', command } };

  const allowed = [...GLOBAL_FLAGS, ...command.flags];
  const flags: Record<string, FlagValue> = {};
  const positionals: string[] = [];
  const rest: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < tokens.length; i++) {
    if (i === found.index) continue;
    const token = tokens[i] as string;
    if (!optionsEnded && token === '--') {
      optionsEnded = true;
      continue;
    }
    if (optionsEnded && command.rest) {
      rest.push(token);
      continue;
    }
    const raw = optionsEnded ? null : splitFlag(token);
    if (!raw) {
      positionals.push(token);
      continue;
    }
    const spec = allowed.find((f) => f.name === raw.name);
    if (!spec)
      return fail(
        `unknown option --${raw.name} for "${command.name}" (see storedeck ${command.name} --help)`,
      );
    if (Object.prototype.hasOwnProperty.call(flags, spec.name))
      return fail(`--${spec.name} given more than once`);
    if (spec.type === 'boolean') {
      if (raw.inline !== undefined) return fail(`--${spec.name} does not take a value`);
      flags[spec.name] = true;
      continue;
    }
    let value = raw.inline;
    if (value === undefined) {
      const next = tokens[i + 1];
      if (next === undefined || next.startsWith('--') || i + 1 === found.index)
        return fail(`--${spec.name} needs a value`);
      value = next;
      i++;
    }
    const converted = convert(spec, value);
    if (typeof converted === 'object') return fail(converted.error);
    flags[spec.name] = converted;
  }

  const args: Record<string, string> = {};
  for (const [index, arg] of command.args.entries()) {
    const value = positionals[index];
    if (value === undefined && arg.optional) continue;
    if (value === undefined) return fail(`missing <${arg.name}> (usage: ${usageLine(command)})`);
    args[arg.name] = value;
  }
  if (positionals.length > command.args.length) {
    return fail(`unexpected argument "${positionals[command.args.length]}" for "${command.name}"`);
  }
  if (command.rest && rest.length === 0)
    return fail(`missing <${command.rest.name}> after -- (usage: ${usageLine(command)})`);
  for (const spec of command.flags) {
    if (spec.required && flags[spec.name] === undefined)
      return fail(`--${spec.name} is required (usage: ${usageLine(command)})`);
  }

  const global: GlobalOptions = { json: flags.json === true };
  if (typeof flags.kubeconfig === 'string') global.kubeconfig = flags.kubeconfig;
  if (typeof flags.context === 'string') global.context = flags.context;
  if (typeof flags['data-dir'] === 'string') global.dataDir = flags['data-dir'];
  for (const name of GLOBAL_FLAGS.map((f) => f.name)) delete flags[name];
  return { ok: true, value: { kind: 'run', command, args, flags, global, rest } };
}
