import { describe, expect, it } from 'vitest';
import { displayPath, fieldSetOf, fromFieldsV1, removeAt, toFieldsV1, valueAt } from './fieldset.js';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'n', uid: 'u', labels: { app: 'x' }, finalizers: ['f'] },
  spec: { containers: [{ name: 'web', image: 'i', ports: [{ containerPort: 80 }] }], nodeSelector: {} },
  status: { phase: 'Running' },
};

describe('field sets', () => {
  it('owns leaves and keyed list items, never name/namespace/uid, and leaves status to the status scope', () => {
    const set = fieldSetOf(pod, 'main');
    expect(toFieldsV1(set)).toEqual({
      'f:metadata': { 'f:labels': { 'f:app': {} }, 'f:finalizers': { 'v:"f"': {} } },
      'f:spec': {
        'f:containers': {
          'k:{"name":"web"}': {
            '.': {},
            'f:name': {},
            'f:image': {},
            'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
          },
        },
        'f:nodeSelector': {},
      },
    });
    expect([...fieldSetOf(pod, 'status')]).toEqual(['f:status\nf:phase']);
  });

  it('round-trips through fieldsV1 and addresses values by path', () => {
    const set = fieldSetOf(pod, 'all');
    expect(fromFieldsV1(toFieldsV1(set))).toEqual(set);
    const image = 'f:spec\nf:containers\nk:{"name":"web"}\nf:image';
    expect(valueAt(pod, image)).toBe('i');
    expect(displayPath(image)).toBe('.spec.containers[name="web"].image');
    const copy = structuredClone(pod);
    removeAt(copy, 'f:spec\nf:containers\nk:{"name":"web"}');
    expect(copy.spec.containers).toEqual([]);
  });
});
