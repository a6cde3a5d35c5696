import { describe, expect, it } from 'vitest';
import { StatusError } from '../../types.js';
import { jsonPatch } from './json-patch.js';
import { mergePatch } from './merge-patch.js';
import { strategicMergePatch } from './strategic-merge-patch.js';

describe('patch algorithms', () => {
  it('merge patch follows RFC 7386 examples', () => {
    expect(mergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } })).toEqual({
      a: 'z',
      c: { d: 'e' },
    });
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch({ a: 'foo' }, 'bar')).toBe('bar');
  });

  it('JSON patch applies add/remove/replace/move/copy/test and escapes pointers', () => {
    const doc = { metadata: { annotations: { 'a/b': '1' } }, list: [1, 2] };
    const out = jsonPatch(doc, [
      { op: 'add', path: '/list/-', value: 3 },
      { op: 'remove', path: '/list/0' },
      { op: 'replace', path: '/metadata/annotations/a~1b', value: '2' },
      { op: 'copy', from: '/list/0', path: '/first' },
      { op: 'move', from: '/first', path: '/moved' },
      { op: 'test', path: '/moved', value: 2 },
    ]);
    expect(out).toEqual({ metadata: { annotations: { 'a/b': '2' } }, list: [2, 3], moved: 2 });
    expect(doc.list).toEqual([1, 2]);
    expect(() => jsonPatch(doc, [{ op: 'test', path: '/list/0', value: 9 }])).toThrow(StatusError);
    expect(() => jsonPatch(doc, [{ op: 'remove', path: '/nope' }])).toThrow(/missing/);
  });

  it('strategic merge patch merges keyed lists, unions finalizers and honours directives', () => {
    const live = {
      metadata: { finalizers: ['a'] },
      spec: {
        containers: [
          { name: 'web', image: 'v1', env: [{ name: 'X', value: '1' }] },
          { name: 'side', image: 's' },
        ],
        args: ['x'],
      },
    };
    const out = strategicMergePatch(
      live,
      {
        metadata: { finalizers: ['b'] },
        spec: {
          containers: [
            { name: 'web', env: [{ name: 'Y', value: '2' }] },
            { name: 'side', $patch: 'delete' },
          ],
          args: ['y'],
        },
      },
      [],
      'Pod',
    );
    expect(out).toEqual({
      metadata: { finalizers: ['a', 'b'] },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'v1',
            env: [
              { name: 'X', value: '1' },
              { name: 'Y', value: '2' },
            ],
          },
        ],
        args: ['y'],
      },
    });
    expect(strategicMergePatch(live, { spec: { $patch: 'replace', args: [] } })).toEqual({
      metadata: { finalizers: ['a'] },
      spec: { args: [] },
    });
    expect(
      strategicMergePatch(live, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }),
    ).toMatchObject({ metadata: { finalizers: [] } });
  });
});
