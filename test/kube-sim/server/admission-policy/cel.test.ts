import { describe, expect, it } from 'vitest';
import { CelError, celValue } from './cel.js';

const env = {
  object: { metadata: { name: 'n', labels: { 'app.kubernetes.io/managed-by': 'storedeck' } } },
  bare: { metadata: { name: 'm' } },
  request: { userInfo: { username: 'u', groups: ['a', 'b'] }, resource: { resource: 'namespaces' } },
};

describe('the CEL subset the access chart uses', () => {
  it.each([
    ["object.metadata.labels['app.kubernetes.io/managed-by'] == 'storedeck'", true],
    ['has(bare.metadata.labels)', false],
    ["has(bare.metadata.labels) && bare.metadata.labels['x'] == 'y'", false],
    ["'app.kubernetes.io/managed-by' in object.metadata.labels", true],
    ["request.userInfo.username in ['x', 'u']", true],
    ["request.userInfo.groups.exists(g, g in ['c', 'b'])", true],
    ['request.userInfo.groups.exists(g, g in [])', false],
    ["request.resource.resource == 'namespaces' ? 1 : 2", 1],
    ["!(request.userInfo.username != 'u')", true],
  ])('%s → %s', (src, want) => {
    expect(celValue(src, env)).toEqual(want);
  });

  it('errors on a missing key and on syntax it does not know, rather than guessing', () => {
    expect(() => celValue("bare.metadata.labels['x']", env)).toThrow(new CelError('no such key: labels'));
    expect(() => celValue('object.metadata.name.size() > 1', env)).toThrow(CelError);
  });
});
