import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kubeconfigSources, loadKubeConfig, readKubeconfig } from './kubeconfig';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-kubeconfig-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Entry {
  context: string;
  cluster: string;
  server: string;
  user: string;
}

function kubeconfigYaml(entries: Entry[], current?: string, extra = ''): string {
  const lines = ['apiVersion: v1', 'kind: Config'];
  if (current) lines.push(`current-context: ${current}`);
  lines.push('clusters:');
  for (const e of entries) lines.push(`- name: ${e.cluster}`, '  cluster:', `    server: ${e.server}`);
  lines.push('users:');
  for (const e of entries) lines.push(`- name: ${e.user}`, '  user:', `    token: token-of-${e.user}`);
  lines.push('contexts:');
  for (const e of entries) {
    lines.push(`- name: ${e.context}`, '  context:', `    cluster: ${e.cluster}`, `    user: ${e.user}`);
  }
  return `${lines.join('\n')}\n${extra}`;
}

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const kindDev: Entry = {
  context: 'kind-dev',
  cluster: 'kind-dev',
  server: 'https://127.0.0.1:6443',
  user: 'kind-dev',
};
const k3s: Entry = { context: 'k3s-lab', cluster: 'lab', server: 'https://10.0.0.5:6443', user: 'lab-admin' };

describe('kubeconfigSources', () => {
  it('prefers the explicit path, then KUBECONFIG (deduplicated), then ~/.kube/config', () => {
    const env = { KUBECONFIG: ['/a/config', '', '/b/config', '/a/config'].join(path.delimiter) };
    expect(kubeconfigSources('/x/explicit', { env })).toEqual({ paths: ['/x/explicit'], origin: 'explicit' });
    expect(kubeconfigSources(null, { env })).toEqual({
      paths: ['/a/config', '/b/config'],
      origin: 'KUBECONFIG',
    });
    expect(kubeconfigSources(undefined, { env: {}, home: '/home/alice' })).toEqual({
      paths: ['/home/alice/.kube/config'],
      origin: 'default',
    });
  });
});

describe('readKubeconfig / loadKubeConfig', () => {
  it('loads an explicit file at its current context, ready to build API clients', () => {
    const file = write('one.yaml', kubeconfigYaml([kindDev, k3s], 'k3s-lab'));
    const result = loadKubeConfig(file, null, { env: {} });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.getCurrentContext()).toBe('k3s-lab');
    expect(result.value.getCurrentCluster()?.server).toBe('https://10.0.0.5:6443');
    expect(result.value.getCurrentUser()?.token).toBe('token-of-lab-admin');
  });

  it('switches to a requested context', () => {
    const file = write('one.yaml', kubeconfigYaml([kindDev, k3s], 'k3s-lab'));
    const result = loadKubeConfig(file, 'kind-dev', { env: {} });
    expect(result.ok && result.value.getCurrentCluster()?.server).toBe('https://127.0.0.1:6443');
  });

  it('refuses an unknown context, listing the available ones', () => {
    const file = write('one.yaml', kubeconfigYaml([kindDev, k3s], 'kind-dev'));
    expect(loadKubeConfig(file, 'prod', { env: {} })).toEqual({
      ok: false,
      error: {
        code: 'no_context',
        message: `Context "prod" is not in ${file}; available: kind-dev, k3s-lab`,
      },
    });
  });

  it('asks for a context when none is given and the file sets no current-context', () => {
    const file = write('one.yaml', kubeconfigYaml([kindDev]));
    const result = loadKubeConfig(file, undefined, { env: {} });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      `No context selected and ${file} sets no current-context; available: kind-dev`,
    );
  });

  it('names the missing file, for an explicit path and for the default one', () => {
    const missing = path.join(dir, 'nope.yaml');
    expect(loadKubeConfig(missing, null, { env: {} })).toEqual({
      ok: false,
      error: { code: 'no_context', message: `Kubeconfig file ${missing} does not exist` },
    });
    const home = path.join(dir, 'home');
    const result = readKubeconfig(null, { env: {}, home });
    expect(!result.ok && result.error).toEqual({
      code: 'no_context',
      message: `Kubeconfig file ${path.join(home, '.kube', 'config')} does not exist (set KUBECONFIG or pass --kubeconfig)`,
    });
  });

  it('reads ~/.kube/config when nothing else is given', () => {
    const home = path.join(dir, 'home');
    write('home/.kube/config', kubeconfigYaml([kindDev], 'kind-dev'));
    const result = readKubeconfig(undefined, { env: {}, home });
    expect(result.ok && result.value.paths).toEqual([path.join(home, '.kube', 'config')]);
  });

  it('reports an unparsable file or a non-mapping as an error naming the path', () => {
    const broken = write('broken.yaml', 'clusters: [\n  - name: x\n  server: :::\n');
    const list = write('list.yaml', '- just\n- a list\n');
    const broke = readKubeconfig(broken, { env: {} });
    expect(broke.ok).toBe(false);
    expect(!broke.ok && broke.error.code).toBe('no_context');
    expect(!broke.ok && broke.error.message).toMatch(new RegExp(`^Cannot parse kubeconfig ${broken}: \\S`));
    // One sentence, without the parser's trailing colon before its code frame.
    expect(!broke.ok && broke.error.message).not.toMatch(/[:\n]\s*$/);
    const flow = readKubeconfig(write('flow.yaml', 'garbage: [\n'), { env: {} });
    expect(!flow.ok && flow.error.message).toMatch(/at line 2, column 1$/);
    expect(readKubeconfig(list, { env: {} })).toEqual({
      ok: false,
      error: {
        code: 'no_context',
        message: `Kubeconfig ${list} is not a kubeconfig (expected a YAML mapping)`,
      },
    });
    const directory = readKubeconfig(dir, { env: {} });
    expect(!directory.ok && directory.error.message).toBe(`Kubeconfig ${dir} is not a file`);
  });

  it('treats an empty file as a config with no contexts', () => {
    const empty = write('empty.yaml', '');
    const result = readKubeconfig(empty, { env: {} });
    expect(result.ok && result.value.kubeConfig.contexts).toEqual([]);
    expect(loadKubeConfig(empty, null, { env: {} })).toMatchObject({
      ok: false,
      error: { message: `No context selected and ${empty} sets no current-context; it defines no contexts` },
    });
  });

  it('merges KUBECONFIG like kubectl: first occurrence and first current-context win, missing files skipped', () => {
    const shadowed: Entry = {
      context: 'kind-dev',
      cluster: 'kind-dev',
      server: 'https://10.9.9.9:6443',
      user: 'other',
    };
    const first = write('a/config', kubeconfigYaml([kindDev], 'kind-dev'));
    const second = write('b/config', kubeconfigYaml([shadowed, k3s], 'k3s-lab'));
    const missing = path.join(dir, 'c/config');
    const env = { KUBECONFIG: [first, missing, second].join(path.delimiter) };

    const result = readKubeconfig(null, { env });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { kubeConfig, paths } = result.value;
    expect(paths).toEqual([first, second]);
    expect(kubeConfig.getCurrentContext()).toBe('kind-dev');
    expect(kubeConfig.contexts.map((c) => c.name)).toEqual(['kind-dev', 'k3s-lab']);
    // The first file's cluster wins; the second file's same-named one is discarded.
    expect(kubeConfig.getCluster('kind-dev')?.server).toBe('https://127.0.0.1:6443');
    expect(kubeConfig.getUser('other')?.token).toBe('token-of-other');

    const remote = loadKubeConfig(null, 'k3s-lab', { env });
    expect(remote.ok && remote.value.getCurrentUser()?.token).toBe('token-of-lab-admin');
    // An explicit path is used alone, never merged.
    const explicit = readKubeconfig(second, { env });
    expect(explicit.ok && explicit.value.kubeConfig.getCurrentContext()).toBe('k3s-lab');
  });

  it('takes the current-context from a later file when earlier ones set none', () => {
    const first = write('a/config', kubeconfigYaml([kindDev]));
    const second = write('b/config', kubeconfigYaml([k3s], 'k3s-lab'));
    const result = readKubeconfig(null, { env: { KUBECONFIG: [first, second].join(path.delimiter) } });
    expect(result.ok && result.value.kubeConfig.getCurrentContext()).toBe('k3s-lab');
  });

  it('fails clearly when no file in KUBECONFIG exists', () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    expect(readKubeconfig(null, { env: { KUBECONFIG: [a, b].join(path.delimiter) } })).toEqual({
      ok: false,
      error: { code: 'no_context', message: `None of the files in KUBECONFIG exist: ${a}, ${b}` },
    });
  });

  it('resolves relative certificate paths against the kubeconfig file, as kubectl does', () => {
    const file = write(
      'nested/config',
      [
        'clusters:',
        '- name: c',
        '  cluster:',
        '    server: https://127.0.0.1:6443',
        '    certificate-authority: certs/ca.crt',
        'users:',
        '- name: u',
        '  user:',
        '    client-certificate: certs/client.crt',
        '    client-key: /abs/client.key',
        'contexts:',
        '- name: ctx',
        '  context: { cluster: c, user: u }',
        'current-context: ctx',
      ].join('\n'),
    );
    const result = loadKubeConfig(file, null, { env: {} });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.getCurrentCluster()?.caFile).toBe(path.join(dir, 'nested', 'certs', 'ca.crt'));
    expect(result.value.getCurrentUser()?.certFile).toBe(path.join(dir, 'nested', 'certs', 'client.crt'));
    expect(result.value.getCurrentUser()?.keyFile).toBe('/abs/client.key');
  });

  it('refuses a context whose cluster or user is not defined', () => {
    const file = write(
      'dangling.yaml',
      kubeconfigYaml([kindDev], 'kind-dev') +
        ['- name: orphan', '  context: { cluster: gone, user: kind-dev }'].join('\n') +
        '\n' +
        ['- name: anonymous-gone', '  context: { cluster: kind-dev, user: ghost }'].join('\n'),
    );
    expect(loadKubeConfig(file, 'orphan', { env: {} })).toMatchObject({
      ok: false,
      error: { message: `Context "orphan" refers to cluster "gone", which is missing or invalid in ${file}` },
    });
    expect(loadKubeConfig(file, 'anonymous-gone', { env: {} })).toMatchObject({
      ok: false,
      error: {
        message: `Context "anonymous-gone" refers to user "ghost", which is missing or invalid in ${file}`,
      },
    });
  });
});
