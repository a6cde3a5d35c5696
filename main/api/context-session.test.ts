import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openState } from '../state/open-state';
import { ContextSession } from './context-session';

function kubeconfig(current: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'storedeck-ctx-'));
  const file = join(dir, 'config');
  const cluster = (name: string, server: string) => `- name: ${name}\n  cluster:\n    server: ${server}\n`;
  const context = (name: string) => `- name: ${name}\n  context:\n    cluster: ${name}\n    user: u\n`;
  writeFileSync(
    file,
    `apiVersion: v1\nkind: Config\ncurrent-context: ${current}\nclusters:\n${cluster('kind-dev', 'https://127.0.0.1:6443')}${cluster('prod', 'https://k3s.example.com:6443')}contexts:\n${context('kind-dev')}${context('prod')}users:\n- name: u\n  user:\n    token: t\n`,
  );
  return file;
}

describe('context session', () => {
  it('starts on the kubeconfig current context and remembers a selection across restarts', () => {
    const file = kubeconfig('kind-dev');
    const state = openState(':memory:');
    const first = new ContextSession(file, state.settings, null);
    expect(first.current()).toBe('kind-dev');
    expect(first.select('prod').ok).toBe(true);
    const second = new ContextSession(file, state.settings, null);
    expect(second.current()).toBe('prod');
    const listed = second.list();
    expect(listed.ok && listed.value.current).toBe('prod');
    expect(listed.ok && listed.value.contexts.map((c) => [c.name, c.isLocal])).toEqual([
      ['kind-dev', true],
      ['prod', false],
    ]);
  });

  it('takes the current context of a kubeconfig that appeared after the start, once reloaded', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'storedeck-ctx-')), 'config');
    const state = openState(':memory:');
    const session = new ContextSession(file, state.settings, null);
    expect(session.current()).toBeNull();
    expect(session.adoptCurrent()).toBeNull();
    writeFileSync(file, readFileSync(kubeconfig('prod'), 'utf8'));
    expect(session.adoptCurrent()).toBe('prod');
    expect(session.current()).toBe('prod');
    // A context already chosen is never replaced by a reload.
    expect(session.select('kind-dev').ok).toBe(true);
    expect(session.adoptCurrent()).toBeNull();
    expect(session.current()).toBe('kind-dev');
  });

  it('lets an explicit --context win without remembering it', () => {
    const file = kubeconfig('kind-dev');
    const state = openState(':memory:');
    expect(new ContextSession(file, state.settings, 'prod').current()).toBe('prod');
    expect(new ContextSession(file, state.settings, null).current()).toBe('kind-dev');
  });

  it('refuses an unknown context and explains a missing kubeconfig', () => {
    const file = kubeconfig('kind-dev');
    const state = openState(':memory:');
    const session = new ContextSession(file, state.settings, null);
    const bad = session.select('nope');
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'no_context',
      message: expect.stringContaining('available: kind-dev, prod'),
    });
    const missing = new ContextSession('/nonexistent/kubeconfig', state.settings, null);
    expect(missing.current()).toBeNull();
    const required = missing.require();
    expect(required.ok ? null : required.error.message).toContain('/nonexistent/kubeconfig');
  });
});
