import { StatusError } from '../../types.js';
import { clone, deepEqual } from '../../store/deep.js';

interface Op {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

type Container = Record<string, unknown> | unknown[];

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new StatusError(422, 'Invalid', `invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: unknown, pointer: string): { parent: Container; key: string } {
  const parts = tokens(pointer);
  const key = parts.pop();
  if (key === undefined) throw new StatusError(422, 'Invalid', 'cannot operate on the document root');
  let cur: unknown = doc;
  for (const p of parts) {
    cur = Array.isArray(cur) ? cur[Number(p)] : (cur as Record<string, unknown> | undefined)?.[p];
    if (typeof cur !== 'object' || cur === null)
      throw new StatusError(422, 'Invalid', `doc is missing path: "${pointer}": missing value`);
  }
  return { parent: cur as Container, key };
}

function read(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const p of tokens(pointer)) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = Array.isArray(cur) ? cur[Number(p)] : (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function add(doc: unknown, pointer: string, value: unknown): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length)
      throw new StatusError(422, 'Invalid', `add operation does not apply: index ${key} out of bounds`);
    parent.splice(i, 0, clone(value));
  } else parent[key] = clone(value);
}

function remove(doc: unknown, pointer: string): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!(i >= 0 && i < parent.length))
      throw new StatusError(
        422,
        'Invalid',
        `remove operation does not apply: doc is missing path: "${pointer}": missing value`,
      );
    parent.splice(i, 1);
  } else {
    if (!(key in parent))
      throw new StatusError(
        422,
        'Invalid',
        `remove operation does not apply: doc is missing path: "${pointer}": missing value`,
      );
    delete parent[key];
  }
}

/** RFC 6902 JSON patch; failures are 422 like the API server's interpretation of jsonpatch errors. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops))
    throw new StatusError(
      400,
      'BadRequest',
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  const doc = clone(target);
  for (const raw of ops as Op[]) {
    switch (raw.op) {
      case 'add':
        add(doc, raw.path, raw.value);
        break;
      case 'remove':
        remove(doc, raw.path);
        break;
      case 'replace':
        if (read(doc, raw.path) === undefined)
          throw new StatusError(
            422,
            'Invalid',
            `replace operation does not apply: doc is missing key: ${raw.path}: missing value`,
          );
        remove(doc, raw.path);
        add(doc, raw.path, raw.value);
        break;
      case 'move': {
        const v = read(doc, raw.from ?? '');
        remove(doc, raw.from ?? '');
        add(doc, raw.path, v);
        break;
      }
      case 'copy':
        add(doc, raw.path, read(doc, raw.from ?? ''));
        break;
      case 'test':
        if (!deepEqual(read(doc, raw.path), raw.value))
          throw new StatusError(422, 'Invalid', `testing value ${raw.path} failed: test failed`);
        break;
      default:
        throw new StatusError(400, 'BadRequest', `Unexpected kind: ${String(raw.op)}`);
    }
  }
  return doc;
}
