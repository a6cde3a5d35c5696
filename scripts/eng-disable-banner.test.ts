import { describe, expect, it } from 'vitest';
import { justifiedChecks } from './eng-disable-banner';

describe('justifiedChecks', () => {
  it('reads the check IDs of eng-disable comments and ignores the words of the reason', () => {
    const source = [
      'await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK only store URLs get here',
      'preload: p, /* eng-disable PRELOAD_JS_CHECK CSP_GLOBAL_CHECK exposes the contract */',
      '// an eng-disable mention without a check',
      '// eng-disable OPEN_EXTERNAL_JS_CHECK again',
    ].join('\n');
    expect(justifiedChecks(source)).toEqual([
      'CSP_GLOBAL_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'PRELOAD_JS_CHECK',
    ]);
  });

  it('finds nothing in code without the directive', () => {
    expect(justifiedChecks('const eng = "disable";\n')).toEqual([]);
  });
});
