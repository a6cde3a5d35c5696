// A small POSIX sh subset, enough for what a client execs into a container:
// quotes, $VAR / ${VAR} / $(cmd), pipes, ; && ||, VAR=value prefixes, > >> 2> 2>&1 >&2 redirections.

export type Segment = { lit: string } | { var: string } | { sub: string };
export type Word = Segment[];

export interface Redirect {
  fd: 1 | 2;
  append: boolean;
  /** A target word, "&1" to merge stderr into stdout, or "&2" to send stdout to stderr. */
  target: Word | '&1' | '&2';
}

export interface SimpleCommand {
  assigns: Array<{ name: string; value: Word }>;
  words: Word[];
  redirects: Redirect[];
}

export type Pipeline = SimpleCommand[];
export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}
export type Script = AndOr[];

export class ShellSyntaxError extends Error {}

type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string };

const OPS = ['&&', '||', '2>&1', '1>&2', '>&2', '>>', '2>', ';', '|', '>', '\n'];

/** Reads $(...) up to its matching paren, honouring quotes inside. */
function readSubstitution(src: string, start: number): [string, number] {
  let depth = 1;
  let i = start;
  let quote: string | undefined;
  while (i < src.length) {
    const c = src[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i += 1;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) return [src.slice(start, i), i + 1];
    i += 1;
  }
  throw new ShellSyntaxError('Syntax error: end of file unexpected (expecting ")")');
}

function readDollar(src: string, i: number, word: Word): number {
  const next = src[i + 1];
  if (next === '(') {
    const [inner, end] = readSubstitution(src, i + 2);
    word.push({ sub: inner });
    return end;
  }
  if (next === '{') {
    const close = src.indexOf('}', i + 2);
    if (close === -1) throw new ShellSyntaxError('Syntax error: bad substitution');
    word.push({ var: src.slice(i + 2, close) });
    return close + 1;
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*|^[?#0-9]/.exec(src.slice(i + 1));
  if (!m) {
    word.push({ lit: '$' });
    return i + 1;
  }
  word.push({ var: m[0] });
  return i + 1 + m[0].length;
}

/** Joins adjacent literal pieces, so "NAME=value" reads as one literal. */
function merge(word: Word): Word {
  const out: Word = [];
  for (const s of word) {
    const last = out[out.length - 1];
    if ('lit' in s && last && 'lit' in last) out[out.length - 1] = { lit: last.lit + s.lit };
    else out.push(s);
  }
  return out;
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t') {
      i += 1;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i += 1;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', op: op === '\n' ? ';' : op });
      i += op.length;
      continue;
    }
    const word: Word = [];
    while (i < src.length) {
      const ch = src[i] as string;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === ';' || ch === '|' || ch === '&' || ch === '>')
        break;
      if (ch === "'") {
        const close = src.indexOf("'", i + 1);
        if (close === -1) throw new ShellSyntaxError('Syntax error: Unterminated quoted string');
        word.push({ lit: src.slice(i + 1, close) });
        i = close + 1;
      } else if (ch === '"') {
        i += 1;
        let buf = '';
        while (i < src.length && src[i] !== '"') {
          const q = src[i] as string;
          if (q === '\\' && i + 1 < src.length && '"\\$`\n'.includes(src[i + 1] as string)) {
            buf += src[i + 1];
            i += 2;
          } else if (q === '$') {
            if (buf) word.push({ lit: buf });
            buf = '';
            i = readDollar(src, i, word);
          } else {
            buf += q;
            i += 1;
          }
        }
        if (i >= src.length) throw new ShellSyntaxError('Syntax error: Unterminated quoted string');
        word.push({ lit: buf });
        i += 1;
      } else if (ch === '\\') {
        word.push({ lit: src[i + 1] ?? '' });
        i += 2;
      } else if (ch === '$') {
        i = readDollar(src, i, word);
      } else {
        word.push({ lit: ch });
        i += 1;
      }
    }
    // Nothing read: a character no rule takes (a lone `&`: no background jobs here).
    if (word.length === 0) throw new ShellSyntaxError(`Syntax error: "${src[i] ?? ''}" unexpected`);
    tokens.push({ kind: 'word', word: merge(word) });
  }
  return tokens;
}

const literal = (w: Word): string | undefined =>
  w.every((s) => 'lit' in s) ? w.map((s) => (s as { lit: string }).lit).join('') : undefined;

export function parse(src: string): Script {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (op: string): boolean => {
    const t = peek();
    return t?.kind === 'op' && t.op === op;
  };

  function command(): SimpleCommand {
    const cmd: SimpleCommand = { assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = peek();
      if (!t) break;
      if (t.kind === 'op') {
        if (t.op === '2>&1' || t.op === '>&2' || t.op === '1>&2') {
          cmd.redirects.push(
            t.op === '2>&1' ? { fd: 2, append: false, target: '&1' } : { fd: 1, append: false, target: '&2' },
          );
          pos += 1;
          continue;
        }
        if (t.op === '>' || t.op === '>>' || t.op === '2>') {
          pos += 1;
          const target = peek();
          if (target?.kind !== 'word') throw new ShellSyntaxError(`Syntax error: newline unexpected`);
          pos += 1;
          cmd.redirects.push({ fd: t.op === '2>' ? 2 : 1, append: t.op === '>>', target: target.word });
          continue;
        }
        break;
      }
      pos += 1;
      const lit0 = t.word[0] && 'lit' in t.word[0] ? t.word[0].lit : undefined;
      const m = cmd.words.length === 0 && lit0 !== undefined ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(lit0) : null;
      if (m) {
        const rest: Word = [{ lit: (lit0 as string).slice(m[0].length) }, ...t.word.slice(1)];
        cmd.assigns.push({ name: m[1] as string, value: rest });
      } else cmd.words.push(t.word);
    }
    if (!cmd.words.length && !cmd.assigns.length) {
      const t = peek();
      throw new ShellSyntaxError(`Syntax error: "${t?.kind === 'op' ? t.op : 'end of file'}" unexpected`);
    }
    return cmd;
  }

  function pipeline(): Pipeline {
    const cmds = [command()];
    while (isOp('|')) {
      pos += 1;
      cmds.push(command());
    }
    return cmds;
  }

  const script: Script = [];
  while (pos < tokens.length) {
    if (isOp(';')) {
      pos += 1;
      continue;
    }
    const andOr: AndOr = { first: pipeline(), rest: [] };
    while (isOp('&&') || isOp('||')) {
      const op = (peek() as { op: '&&' | '||' }).op;
      pos += 1;
      while (isOp(';')) pos += 1;
      andOr.rest.push({ op, pipeline: pipeline() });
    }
    script.push(andOr);
    if (pos < tokens.length && !isOp(';'))
      throw new ShellSyntaxError(`Syntax error: "${(peek() as { op?: string }).op ?? 'word'}" unexpected`);
  }
  return script;
}

export { literal };
