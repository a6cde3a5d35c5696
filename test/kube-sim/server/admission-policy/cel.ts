// A small evaluator for the subset of CEL that ValidatingAdmissionPolicies in this repo use (the
// access chart's): literals (strings, ints, bools, null, lists), identifiers and field selection,
// indexing, `!`, `==`, `!=`, `in` (list membership, map keys), `&&`, `||`, `? :`, and the macros
// `has(a.b)` and `list.exists(x, p)`. A missing map key is an error ("no such key: k"), as in CEL.
// Anything outside the subset is a parse error naming the position, never a silent guess.

type Value = unknown;
export class CelError extends Error {}

type Node =
  | { t: 'lit'; v: Value }
  | { t: 'id'; name: string }
  | { t: 'list'; items: Node[] }
  | { t: 'sel'; target: Node; field: string }
  | { t: 'idx'; target: Node; index: Node }
  | { t: 'call'; target?: Node; fn: string; args: Node[] }
  | { t: 'not'; e: Node }
  | { t: 'bin'; op: string; l: Node; r: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node };

const TOKEN =
  /\s*(?:('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(\d+)|([A-Za-z_][A-Za-z0-9_]*)|(==|!=|&&|\|\||[!?:.,()[\]]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new CelError(`Syntax error: unexpected character at ${at} in ${src}`);
    out.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  }
  return out;
}

export function parseCel(src: string): Node {
  const toks = tokenize(src);
  let i = 0;
  const peek = (): string | undefined => toks[i];
  const eat = (want?: string): string => {
    const tok = toks[i++];
    if (tok === undefined || (want !== undefined && tok !== want))
      throw new CelError(`Syntax error: expected ${want ?? 'a token'} at token ${i} in ${src}`);
    return tok;
  };
  const args = (): Node[] => {
    const list: Node[] = [];
    eat('(');
    if (peek() !== ')')
      do list.push(expr());
      while (peek() === ',' && eat(','));
    eat(')');
    return list;
  };
  function primary(): Node {
    const tok = eat();
    if (tok === '(') {
      const e = expr();
      eat(')');
      return e;
    }
    if (tok === '[') {
      const items: Node[] = [];
      if (peek() !== ']')
        do items.push(expr());
        while (peek() === ',' && eat(','));
      eat(']');
      return { t: 'list', items };
    }
    if (/^['"]/.test(tok)) return { t: 'lit', v: tok.slice(1, -1).replace(/\\(.)/g, '$1') };
    if (/^\d/.test(tok)) return { t: 'lit', v: Number(tok) };
    if (tok === 'true' || tok === 'false') return { t: 'lit', v: tok === 'true' };
    if (tok === 'null') return { t: 'lit', v: null };
    if (/^[A-Za-z_]/.test(tok))
      return peek() === '(' ? { t: 'call', fn: tok, args: args() } : { t: 'id', name: tok };
    throw new CelError(`Syntax error: unexpected '${tok}' in ${src}`);
  }
  function member(): Node {
    let n = primary();
    for (;;) {
      if (peek() === '.') {
        eat('.');
        const field = eat();
        n =
          peek() === '(' ? { t: 'call', target: n, fn: field, args: args() } : { t: 'sel', target: n, field };
      } else if (peek() === '[') {
        eat('[');
        n = { t: 'idx', target: n, index: expr() };
        eat(']');
      } else return n;
    }
  }
  const unary = (): Node => (peek() === '!' ? (eat('!'), { t: 'not', e: unary() }) : member());
  function rel(): Node {
    const l = unary();
    const op = peek();
    if (op === '==' || op === '!=' || op === 'in') return (eat(), { t: 'bin', op, l, r: unary() });
    return l;
  }
  function chain(next: () => Node, op: string): () => Node {
    return () => {
      let l = next();
      while (peek() === op) l = (eat(op), { t: 'bin', op, l, r: next() });
      return l;
    };
  }
  const or = chain(chain(rel, '&&'), '||');
  function expr(): Node {
    const c = or();
    if (peek() !== '?') return c;
    eat('?');
    const a = expr();
    eat(':');
    return { t: 'cond', c, a, b: expr() };
  }
  const root = expr();
  if (i !== toks.length) throw new CelError(`Syntax error: unexpected '${toks[i]}' in ${src}`);
  return root;
}

const isMap = (v: Value): v is Record<string, Value> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function select(target: Value, field: string): Value {
  if (!isMap(target) || !(field in target)) throw new CelError(`no such key: ${field}`);
  return target[field];
}

const bool = (v: Value): boolean => {
  if (typeof v !== 'boolean')
    throw new CelError(`no matching overload: expected bool, got ${JSON.stringify(v)}`);
  return v;
};

export function evalCel(node: Node, env: Record<string, Value>): Value {
  const ev = (n: Node, scope = env): Value => evalCel(n, scope);
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'id':
      if (!(node.name in env)) throw new CelError(`undeclared reference to '${node.name}'`);
      return env[node.name];
    case 'list':
      return node.items.map((n) => ev(n));
    case 'sel':
      return select(ev(node.target), node.field);
    case 'idx': {
      const target = ev(node.target);
      const index = ev(node.index);
      if (Array.isArray(target) && typeof index === 'number') {
        if (index < 0 || index >= target.length) throw new CelError(`index out of bounds: ${index}`);
        return target[index];
      }
      return select(target, String(index));
    }
    case 'not':
      return !bool(ev(node.e));
    case 'cond':
      return bool(ev(node.c)) ? ev(node.a) : ev(node.b);
    case 'bin': {
      if (node.op === '&&') return bool(ev(node.l)) && bool(ev(node.r));
      if (node.op === '||') return bool(ev(node.l)) || bool(ev(node.r));
      const l = ev(node.l);
      const r = ev(node.r);
      if (node.op === '==') return JSON.stringify(l) === JSON.stringify(r);
      if (node.op === '!=') return JSON.stringify(l) !== JSON.stringify(r);
      if (Array.isArray(r)) return r.some((x) => JSON.stringify(x) === JSON.stringify(l));
      if (isMap(r)) return typeof l === 'string' && l in r;
      throw new CelError(`no matching overload for 'in' on ${JSON.stringify(r)}`);
    }
    case 'call': {
      if (!node.target && node.fn === 'has') {
        const arg = node.args[0];
        if (node.args.length !== 1 || arg?.t !== 'sel') throw new CelError('invalid argument to has() macro');
        const target = ev(arg.target);
        return isMap(target) && arg.field in target;
      }
      if (node.target && node.fn === 'exists') {
        const [v, pred] = node.args;
        if (v?.t !== 'id' || !pred) throw new CelError('exists() needs a variable and a predicate');
        const list = ev(node.target);
        const items = Array.isArray(list) ? list : isMap(list) ? Object.keys(list) : [];
        return items.some((item) => bool(ev(pred, { ...env, [v.name]: item })));
      }
      throw new CelError(`undeclared reference to '${node.fn}'`);
    }
  }
}

/** Parses and evaluates; the caller decides what an error means (failurePolicy). */
export function celValue(src: string, env: Record<string, Value>): Value {
  return evalCel(parseCel(src), env);
}
