// Command line of `npm run bench -- [name...] [--out FILE]`: which benchmarks, and where the JSON goes.

export interface RunArgs {
  names: string[];
  out: string | null;
  help: boolean;
}

export type ParsedArgs = { ok: true; value: RunArgs } | { ok: false; error: string };

export const USAGE =
  'usage: npm run bench -- [benchmark...] [--out FILE]\n' +
  '  runs every benchmark (or the named ones) and prints one JSON document on stdout';

export function parseRunArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  const names: string[] = [];
  let out: string | null = null;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--out') {
      const file = argv[i + 1];
      if (!file || file.startsWith('-')) return { ok: false, error: '--out needs a file name' };
      out = file;
      i += 1;
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
      if (!out) return { ok: false, error: '--out needs a file name' };
    } else if (arg.startsWith('-')) return { ok: false, error: `unknown option ${arg}` };
    else if (!known.includes(arg))
      return { ok: false, error: `unknown benchmark "${arg}" (known: ${known.join(', ')})` };
    else if (!names.includes(arg)) names.push(arg);
  }
  return { ok: true, value: { names: names.length > 0 ? names : [...known], out, help } };
}
