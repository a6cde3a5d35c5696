import { describe, expect, it } from 'vitest';
import { COMMANDS } from './command-specs';
import { parseArgs } from './parse-args';

const run = (argv: string[]) => {
  const result = parseArgs(argv);
  if (!result.ok) throw new Error(result.message);
  if (result.value.kind !== 'run') throw new Error('expected a command');
  return result.value;
};

const message = (argv: string[]): string => {
  const result = parseArgs(argv);
  if (result.ok) throw new Error(`expected ${argv.join(' ')} to be refused`);
  return result.message;
};

describe('parseArgs', () => {
  it('reads a command, its argument, flags and global options in any order', () => {
    const parsed = run([
      '--context',
      'kind-dev',
      'create',
      'My Shop',
      '--email=a@b.co',
      '--wait',
      '--json',
      '--data-dir',
      '/tmp/x',
    ]);
    expect(parsed.command.name).toBe('create');
    expect(parsed.args).toEqual({ name: 'My Shop' });
    expect(parsed.flags).toEqual({ email: 'a@b.co', wait: true });
    expect(parsed.global).toEqual({ context: 'kind-dev', dataDir: '/tmp/x', json: true });
  });

  it('turns numeric flags into numbers and leaves range checks to the contract', () => {
    expect(run(['logs', 'shop', '--tail', '7']).flags).toEqual({ tail: 7 });
    expect(run(['audit', '--limit=20']).flags).toEqual({ limit: 20 });
  });

  it('accepts an argument that looks like a flag after --', () => {
    expect(run(['show', '--', '--weird']).args).toEqual({ store: '--weird' });
  });

  it('answers --help and -h with help for the command or in general', () => {
    expect(parseArgs(['--help'])).toEqual({ ok: true, value: { kind: 'help', command: null } });
    const forLogs = parseArgs(['logs', '-h']);
    expect(forLogs.ok && forLogs.value.kind === 'help' && forLogs.value.command?.name).toBe('logs');
  });

  it.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['list', '--verbose'], /unknown option --verbose for "list"/],
    [['create', '--email', 'a@b.co'], /missing <name>/],
    [['create', 'shop'], /--email is required/],
    [['create', 'shop', '--email'], /--email needs a value/],
    [['logs', 'shop', '--tail', 'lots'], /--tail expects a whole number, got "lots"/],
    [['logs', 'shop', '--tail', '-5'], /--tail expects a whole number, got "-5"/],
    [['list', '--json=yes'], /--json does not take a value/],
    [['show'], /missing <store>/],
    [['show', 'a', 'b'], /unexpected argument "b"/],
    [['list', '--json', '--json'], /--json given more than once/],
    [['restart', 'shop', '--email', 'x'], /unknown option --email for "restart"/],
  ])('refuses %j with a clear message', (argv, expected) => {
    expect(message(argv)).toMatch(expected);
  });

  it('knows every command in the table', () => {
    for (const command of COMMANDS) {
      const argv = [
        command.name,
        ...command.args.map(() => 'x'),
        ...command.flags.filter((f) => f.required).flatMap((f) => [`--${f.name}`, 'v']),
        ...(command.rest ? ['--', 'r'] : []),
      ];
      expect(run(argv).command.name).toBe(command.name);
    }
  });

  it('hands what follows -- to a command that takes it, flags and all', () => {
    const parsed = run(['wp', 'shop', '--json', '--', 'plugin', 'list', '--status=active', '--help']);
    expect(parsed.rest).toEqual(['plugin', 'list', '--status=active', '--help']);
    expect(parsed.global.json).toBe(true);
    expect(message(['wp', 'shop'])).toMatch(/missing <wp-args> after --/);
  });
});
