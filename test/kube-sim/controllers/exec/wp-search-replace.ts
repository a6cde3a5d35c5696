// `wp search-replace <old> <new>` over the tables WpState models, as WP-CLI does it: PHP
// serialized values are unserialized, replaced inside and serialized again, so the string
// lengths they record stay right (a plain text replace would corrupt them).
import type { ExecResult } from './shell-run.js';
import type { WpState } from './wp-state.js';

type Php = string | number | boolean | null | { entries: Array<[Php, Php]> };

class Reader {
  i = 0;
  constructor(readonly s: Buffer) {}
  until(ch: string): string {
    const end = this.s.indexOf(ch, this.i);
    if (end === -1) throw new Error('bad');
    const out = this.s.subarray(this.i, end).toString('utf8');
    this.i = end + 1;
    return out;
  }
  expect(text: string): void {
    if (this.s.subarray(this.i, this.i + text.length).toString('utf8') !== text) throw new Error('bad');
    this.i += text.length;
  }
  value(): Php {
    const type = String.fromCharCode(this.s[this.i] as number);
    this.i += 2;
    if (type === 'N') return null;
    if (type === 'b') return this.until(';') === '1';
    if (type === 'i' || type === 'd') return Number(this.until(';'));
    if (type === 's') {
      const len = Number(this.until(':'));
      this.expect('"');
      const str = this.s.subarray(this.i, this.i + len).toString('utf8');
      this.i += len;
      this.expect('";');
      return str;
    }
    if (type === 'a') {
      const count = Number(this.until(':'));
      this.expect('{');
      const entries: Array<[Php, Php]> = [];
      for (let n = 0; n < count; n += 1) entries.push([this.value(), this.value()]);
      this.expect('}');
      return { entries };
    }
    throw new Error('bad');
  }
}

function unserialize(text: string): Php | undefined {
  if (!/^(a|s|i|b|d|N)[:;]/.test(text)) return undefined;
  try {
    const r = new Reader(Buffer.from(text, 'utf8'));
    const v = r.value();
    return r.i === r.s.length ? v : undefined;
  } catch {
    return undefined;
  }
}

function serialize(v: Php): string {
  if (v === null) return 'N;';
  if (typeof v === 'boolean') return `b:${v ? 1 : 0};`;
  if (typeof v === 'number') return Number.isInteger(v) ? `i:${v};` : `d:${v};`;
  if (typeof v === 'string') return `s:${Buffer.byteLength(v)}:"${v}";`;
  return `a:${v.entries.length}:{${v.entries.map(([k, x]) => serialize(k) + serialize(x)).join('')}}`;
}

function replaceIn(v: Php, from: string, to: string, count: { n: number }): Php {
  if (typeof v === 'string') {
    const parts = v.split(from);
    count.n += parts.length - 1;
    return parts.join(to);
  }
  if (v && typeof v === 'object')
    return { entries: v.entries.map(([k, x]) => [k, replaceIn(x, from, to, count)]) };
  return v;
}

function replaceValue(value: string, from: string, to: string, count: { n: number }): string {
  const php = unserialize(value);
  if (php !== undefined) return serialize(replaceIn(php, from, to, count));
  return replaceIn(value, from, to, count) as string;
}

export function searchReplace(
  state: WpState,
  positional: string[],
  assoc: Record<string, string | true>,
): ExecResult {
  const [from, to] = positional;
  if (from === undefined || to === undefined)
    return {
      stdout: '',
      stderr: 'usage: wp search-replace <old> <new> [<table>...] [--all-tables]\n',
      exitCode: 1,
    };
  const dryRun = assoc['dry-run'] === true;
  const count = { n: 0 };
  for (const [key, value] of state.options) {
    const next = replaceValue(value, from, to, count);
    if (!dryRun) state.options.set(key, next);
  }
  for (const user of state.users.values()) {
    const email = replaceValue(user.email, from, to, count);
    if (!dryRun) user.email = email;
  }
  const verb = dryRun ? `${count.n} replacements to be made.` : `Made ${count.n} replacements.`;
  return { stdout: `Success: ${verb}\n`, stderr: '', exitCode: 0 };
}
