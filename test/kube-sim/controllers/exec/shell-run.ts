import {
  parse,
  ShellSyntaxError,
  type Pipeline,
  type Script,
  type SimpleCommand,
  type Word,
} from './shell-parse.js';
import { filePrograms } from './file-programs.js';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Binary standard output (tar): sent as it is, after whatever text stdout came first. */
  bytes?: Buffer;
}

export interface ProgramIo {
  /** Reads standard input (the pipe, or the exec's stdin once). */
  stdin(): string;
  /** The same input as bytes (tar -x, a dump fed to mysql). */
  stdinBytes(): Buffer;
  env: Record<string, string>;
}

/** A program on the container's PATH. */
export type Program = (args: string[], io: ProgramIo, shell: Shell) => ExecResult;

export interface Shell {
  hostname: string;
  uid: number;
  /** Files written through redirections, plus a few the image ships. */
  files: Map<string, string>;
  programs: Record<string, Program>;
  /** Runs an sh script with the given variables (for sh -c and $(...)). */
  run(script: string, vars: Record<string, string>, stdin: StdinBuffer): ExecResult;
}

export interface StdinBuffer {
  data: string;
  consumed: boolean;
  /** The exec's stdin as it came over the wire (data is its UTF-8 reading). */
  bytes?: Buffer;
}

class ExitSignal {
  constructor(readonly code: number) {}
}

const ok = (stdout = ''): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): ExecResult => ({ stdout: '', stderr, exitCode });

function printf(args: string[]): string {
  const [format = '', ...rest] = args;
  const escapes = (s: string): string =>
    s.replace(/\\(n|t|\\)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
  let out = '';
  let i = 0;
  // POSIX printf reuses the format while arguments remain; bounded by the argument count.
  do {
    out += escapes(format).replace(/%([sd%])/g, (_m, c: string) =>
      c === '%' ? '%' : c === 'd' ? String(parseInt(rest[i++] ?? '0', 10) || 0) : (rest[i++] ?? ''),
    );
  } while (i < rest.length && /%[sd]/.test(format));
  return out;
}

function test(args: string[], files: Map<string, string>): boolean {
  if (args[0] === '!') return !test(args.slice(1), files);
  if (args.length === 1) return (args[0] ?? '') !== '';
  if (args.length === 2) {
    const [op, v = ''] = args;
    if (op === '-z') return v === '';
    if (op === '-n') return v !== '';
    if (op === '-f' || op === '-e') return files.has(v);
    return false;
  }
  const [a, op, b] = args;
  if (op === '=' || op === '==') return a === b;
  if (op === '!=') return a !== b;
  const x = Number(a);
  const y = Number(b);
  return op === '-eq'
    ? x === y
    : op === '-ne'
      ? x !== y
      : op === '-gt'
        ? x > y
        : op === '-lt'
          ? x < y
          : op === '-ge'
            ? x >= y
            : op === '-le'
              ? x <= y
              : false;
}

/** Runs a parsed script; `set -e`, `exit N` and $? behave as in dash. */
function runScript(
  script: Script,
  vars: Record<string, string>,
  stdin: StdinBuffer,
  shell: Shell,
): ExecResult {
  const out = { stdout: '', stderr: '' };
  // Binary output of a pipeline's last command, with any text printed before it.
  const binary: Buffer[] = [];
  let status = 0;
  let errexit = false;

  const expand = (word: Word): string =>
    word
      .map((s) => {
        if ('lit' in s) return s.lit;
        if ('var' in s) return s.var === '?' ? String(status) : (vars[s.var] ?? '');
        const r = shell.run(s.sub, vars, stdin);
        out.stderr += r.stderr;
        return r.stdout.replace(/\n+$/, '');
      })
      .join('');

  function simple(cmd: SimpleCommand, pipeIn: string | undefined): ExecResult {
    const assigned = Object.fromEntries(cmd.assigns.map((a) => [a.name, expand(a.value)]));
    const words = cmd.words.map(expand);
    if (!words.length) {
      Object.assign(vars, assigned);
      return ok();
    }
    const [name = '', ...args] = words;
    const env = { ...vars, ...assigned };
    const io: ProgramIo = {
      env,
      stdin: () => {
        if (pipeIn !== undefined) return pipeIn;
        if (stdin.consumed) return '';
        stdin.consumed = true;
        return stdin.data;
      },
      stdinBytes: () => {
        if (pipeIn !== undefined) return Buffer.from(pipeIn, 'utf8');
        if (stdin.consumed) return Buffer.alloc(0);
        stdin.consumed = true;
        return stdin.bytes ?? Buffer.from(stdin.data, 'utf8');
      },
    };
    let result: ExecResult;
    switch (name) {
      case 'exit':
        throw new ExitSignal(args[0] !== undefined ? Number(args[0]) || 0 : status);
      case 'set':
        if (args.some((a) => /^-[a-z]*e/.test(a))) errexit = true;
        result = ok();
        break;
      case 'export':
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq > 0) vars[a.slice(0, eq)] = a.slice(eq + 1);
        }
        result = ok();
        break;
      case 'cd':
      case ':':
      case 'true':
        result = ok();
        break;
      case 'false':
        result = fail('');
        break;
      case 'echo': {
        const noNewline = args[0] === '-n';
        result = ok(`${(noNewline ? args.slice(1) : args).join(' ')}${noNewline ? '' : '\n'}`);
        break;
      }
      case 'printf':
        result = ok(printf(args));
        break;
      case 'test':
        result = test(args, shell.files) ? ok() : fail('');
        break;
      case '[':
        result = test(args.slice(0, args[args.length - 1] === ']' ? -1 : undefined), shell.files)
          ? ok()
          : fail('');
        break;
      default: {
        const program = shell.programs[name.split('/').pop() ?? name];
        result = program ? program(args, io, shell) : fail(`sh: ${name}: not found\n`, 127);
      }
    }
    for (const r of cmd.redirects) {
      if (r.target === '&1') {
        result = { ...result, stdout: result.stdout + result.stderr, stderr: '' };
        continue;
      }
      if (r.target === '&2') {
        result = { ...result, stderr: result.stderr + result.stdout, stdout: '' };
        continue;
      }
      const path = expand(r.target);
      const data = r.fd === 1 ? result.stdout : result.stderr;
      if (path !== '/dev/null') shell.files.set(path, (r.append ? (shell.files.get(path) ?? '') : '') + data);
      result = r.fd === 1 ? { ...result, stdout: '' } : { ...result, stderr: '' };
    }
    return result;
  }

  function pipeline(p: Pipeline): number {
    let pipeIn: string | undefined;
    let last: ExecResult = ok();
    p.forEach((cmd, i) => {
      last = simple(cmd, pipeIn);
      out.stderr += last.stderr;
      if (i < p.length - 1) pipeIn = last.stdout;
      else if (last.bytes) {
        binary.push(Buffer.from(out.stdout + last.stdout, 'utf8'), last.bytes);
        out.stdout = '';
      } else out.stdout += last.stdout;
    });
    return last.exitCode;
  }

  try {
    for (const andOr of script) {
      status = pipeline(andOr.first);
      let lastRun = 0;
      andOr.rest.forEach(({ op, pipeline: next }, i) => {
        if ((op === '&&' && status === 0) || (op === '||' && status !== 0)) {
          status = pipeline(next);
          lastRun = i + 1;
        }
      });
      // dash's set -e ignores failures of all but the last command of an && / || list.
      if (errexit && status !== 0 && lastRun === andOr.rest.length) throw new ExitSignal(status);
    }
  } catch (err) {
    if (err instanceof ExitSignal) return withBinary({ ...out, exitCode: err.code });
    throw err;
  }
  return withBinary({ ...out, exitCode: status });

  function withBinary(result: ExecResult): ExecResult {
    if (!binary.length) return result;
    return { ...result, stdout: '', bytes: Buffer.concat([...binary, Buffer.from(result.stdout, 'utf8')]) };
  }
}

export function createShell(opts: {
  hostname: string;
  uid: number;
  programs: Record<string, Program>;
  files?: Map<string, string>;
}): Shell {
  const shell: Shell = {
    hostname: opts.hostname,
    uid: opts.uid,
    files: opts.files ?? new Map([['/etc/hostname', `${opts.hostname}\n`]]),
    programs: opts.programs,
    run(script, vars, stdin) {
      let parsed: Script;
      try {
        parsed = parse(script);
      } catch (err) {
        if (err instanceof ShellSyntaxError) return fail(`sh: ${err.message}\n`, 2);
        throw err;
      }
      return runScript(parsed, vars, stdin, shell);
    },
  };
  return shell;
}

/** The programs every image with a shell has (coreutils/busybox). */
export function basePrograms(): Record<string, Program> {
  const sh: Program = (args, io, shell) => {
    const c = args.indexOf('-c');
    if (c === -1) return ok();
    const bytes = io.stdinBytes();
    const stdin: StdinBuffer = { data: bytes.toString('utf8'), bytes, consumed: false };
    return shell.run(args[c + 1] ?? '', { ...io.env }, stdin);
  };
  return {
    ...filePrograms(),
    sh,
    bash: sh,
    cat: (args, io, shell) => {
      if (!args.length || args[0] === '-') return ok(io.stdin());
      let stdout = '';
      for (const f of args) {
        const content = shell.files.get(f);
        if (content === undefined)
          return { stdout, stderr: `cat: ${f}: No such file or directory\n`, exitCode: 1 };
        stdout += content;
      }
      return ok(stdout);
    },
    env: (_a, io) =>
      ok(
        Object.entries(io.env)
          .map(([k, v]) => `${k}=${v}\n`)
          .join(''),
      ),
    printenv: (args, io) => {
      if (!args.length)
        return ok(
          Object.entries(io.env)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''),
        );
      const v = io.env[args[0] as string];
      return v === undefined ? fail('') : ok(`${v}\n`);
    },
    hostname: (_a, _io, shell) => ok(`${shell.hostname}\n`),
    sleep: () => ok(),
    id: (args, _io, shell) =>
      ok(args.includes('-u') ? `${shell.uid}\n` : `uid=${shell.uid} gid=${shell.uid}\n`),
  };
}
