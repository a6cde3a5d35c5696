import { describe, expect, it } from 'vitest';
import { splitCommand } from './split-command';

describe('splitCommand', () => {
  it('splits words, keeps quoted spaces, and drops a leading wp', () => {
    expect(splitCommand('wp post create --post_title="Hello world" --porcelain')).toEqual({
      ok: true,
      args: ['post', 'create', '--post_title=Hello world', '--porcelain'],
    });
    expect(splitCommand("  option get  'blogname' ")).toEqual({
      ok: true,
      args: ['option', 'get', 'blogname'],
    });
    expect(splitCommand('option update x ""')).toEqual({ ok: true, args: ['option', 'update', 'x', ''] });
  });

  it('says what is wrong with an empty line or an open quote', () => {
    expect(splitCommand('  ')).toMatchObject({ ok: false, error: /Type a WP-CLI command/ });
    expect(splitCommand('option get "blog')).toMatchObject({ ok: false, error: /quote is not closed/ });
  });
});
