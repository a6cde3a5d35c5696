// tar, du and dd over the claims a container mounts (volume-files.ts): what a backup streams out
// of the WordPress pod and a restore streams back in, and how a test fills a store with bytes.
import { randomBytes } from 'node:crypto';
import type { ExecResult, Program } from './shell-run.js';
import { packUstar, unpackUstar } from './ustar.js';
import type { MountedPath, VolumeFiles } from './volume-files.js';

export interface VolumeAccess {
  files: VolumeFiles;
  resolve(path: string): MountedPath | null;
  /** Sim time in seconds, for mtimes. */
  now(): number;
}

const fail = (stderr: string, exitCode = 1): ExecResult => ({ stdout: '', stderr, exitCode });
const join = (dir: string, path: string): string =>
  path.startsWith('/') ? path : `${dir.replace(/\/+$/, '')}/${path.replace(/^\.\//, '')}`;

interface TarArgs {
  mode?: 'c' | 'x' | 't';
  file?: string;
  dir: string;
  members: string[];
  ignoreFailedRead: boolean;
  gzip: boolean;
}

function parseTar(args: string[]): TarArgs | string {
  const out: TarArgs = { dir: '/', members: [], ignoreFailedRead: false, gzip: false };
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] as string;
    if (a === '--ignore-failed-read') out.ignoreFailedRead = true;
    else if (a.startsWith('--directory=')) out.dir = a.slice(12);
    else if (a.startsWith('--file=')) out.file = a.slice(7);
    else if (a.startsWith('--'))
      continue; // --no-same-owner, --numeric-owner …: no owners here
    else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === 'c' || c === 'x' || c === 't') out.mode = c;
        else if (c === 'z') out.gzip = true;
        else if (c === 'f') out.file = args[++i];
        else if (c === 'C') out.dir = args[++i] ?? '/';
        else if (c !== 'v' && c !== 'p') return `tar: invalid option -- '${c}'\n`;
      }
    } else out.members.push(a);
  }
  if (!out.mode) return "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\n";
  return out;
}

function tarProgram(v: VolumeAccess): Program {
  return (args, io) => {
    const parsed = parseTar(args);
    if (typeof parsed === 'string') return fail(parsed, 2);
    // Only stdin/stdout archives: what is streamed over exec.
    if (parsed.file !== '-') return fail('tar: only -f - is supported here\n', 2);
    if (parsed.gzip) return fail('tar: gzip is not supported here\n', 2);
    const base = v.resolve(parsed.dir);
    if (!base) return fail(`tar: ${parsed.dir}: Cannot open: No such file or directory\n`, 2);
    if (parsed.mode === 'c') {
      let stderr = '';
      const files: Array<[string, Buffer]> = [];
      const dirs = new Set<string>();
      for (const member of parsed.members) {
        const at = v.resolve(join(parsed.dir, member));
        const found = at ? v.files.under(at) : [];
        if (!found.length) {
          if (!parsed.ignoreFailedRead)
            return fail(
              `tar: ${member}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`,
              2,
            );
          stderr += `tar: ${member}: Warning: Cannot stat: No such file or directory\n`;
          continue;
        }
        const prefix = base.rel ? `${base.rel}/` : '';
        for (const [rel, data] of found) {
          const name = rel.slice(prefix.length);
          const parts = name.split('/');
          for (let i = 1; i < parts.length; i += 1) dirs.add(parts.slice(0, i).join('/'));
          files.push([name, data]);
        }
      }
      try {
        return { stdout: '', stderr, exitCode: 0, bytes: packUstar(files, [...dirs].sort(), v.now()) };
      } catch (e) {
        return fail(`tar: ${(e as Error).message}\n`, 2);
      }
    }
    const unpacked = unpackUstar(io.stdinBytes());
    if ('error' in unpacked) return fail(unpacked.error, 2);
    if (parsed.mode === 't')
      return { stdout: unpacked.files.map(([n]) => `${n}\n`).join(''), stderr: '', exitCode: 0 };
    for (const [name, data] of unpacked.files) {
      const at = v.resolve(join(parsed.dir, name));
      if (at) v.files.write(at, data);
    }
    return { stdout: '', stderr: '', exitCode: 0 };
  };
}

/** du -sb: apparent bytes of each operand (files only: directories add nothing here). */
function duProgram(v: VolumeAccess): Program {
  return (args) => {
    let stdout = '';
    let stderr = '';
    for (const path of args.filter((a) => !a.startsWith('-'))) {
      const at = v.resolve(path);
      const found = at ? v.files.under(at) : [];
      if (!found.length) {
        stderr += `du: cannot access '${path}': No such file or directory\n`;
        continue;
      }
      stdout += `${found.reduce((n, [, d]) => n + d.length, 0)}\t${path}\n`;
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  };
}

const SIZES: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** dd if=/dev/urandom|/dev/zero of=FILE bs=N[KMG] count=N, onto a mounted claim. */
function ddProgram(v: VolumeAccess): Program {
  return (args) => {
    const opt = Object.fromEntries(args.map((a) => a.split('=') as [string, string]));
    const bs = /^(\d+)([KMG]?)$/.exec(opt.bs ?? '512');
    const count = Number(opt.count ?? '1');
    if (!bs || !Number.isInteger(count)) return fail(`dd: invalid number: '${opt.bs ?? opt.count}'\n`);
    const size = Number(bs[1]) * (SIZES[bs[2] ?? ''] ?? 1) * count;
    if (opt.if !== '/dev/urandom' && opt.if !== '/dev/zero') return fail(`dd: failed to open '${opt.if}'\n`);
    const at = opt.of ? v.resolve(opt.of) : null;
    if (!at) return fail(`dd: failed to open '${opt.of ?? ''}': Read-only file system\n`);
    v.files.write(at, opt.if === '/dev/zero' ? Buffer.alloc(size) : randomBytes(size));
    return {
      stdout: '',
      stderr: `${count}+0 records in\n${count}+0 records out\n${size} bytes copied\n`,
      exitCode: 0,
    };
  };
}

export function volumePrograms(v: VolumeAccess): Record<string, Program> {
  return { tar: tarProgram(v), du: duProgram(v), dd: ddProgram(v) };
}
