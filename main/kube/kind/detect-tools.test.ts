import { afterEach, describe, expect, it } from 'vitest';
import { checkDocker, checkKind } from './detect-tools';
import { isSupportedKind, parseKindVersion } from './kind-version';
import { makeStandins, type Standins } from './standins.fixture';

let standins: Standins | undefined;
afterEach(() => standins?.remove());

describe('kind version', () => {
  it('parses what kind prints, pre-releases included', () => {
    expect(parseKindVersion('kind v0.30.0 go1.24.6 linux/amd64')).toMatchObject({
      major: 0,
      minor: 30,
      patch: 0,
    });
    expect(parseKindVersion('kind v0.31.0-alpha+1a2b3c go1.25 darwin/arm64')?.text).toBe(
      'v0.31.0-alpha+1a2b3c',
    );
    expect(parseKindVersion('command not found')).toBeNull();
  });

  it('refuses anything older than 0.28', () => {
    const supported = (text: string) => isSupportedKind(parseKindVersion(text)!);
    expect(supported('kind v0.27.0')).toBe(false);
    expect(supported('kind v0.28.0')).toBe(true);
    expect(supported('kind v0.29.1')).toBe(true);
    expect(supported('kind v1.0.0')).toBe(true);
  });
});

describe('detecting Docker and kind', () => {
  it('says what is missing, with the install link for the OS', async () => {
    standins = makeStandins({}, { only: [] });
    const docker = await checkDocker({ env: standins.env, platform: 'darwin' });
    expect(docker).toMatchObject({ state: 'missing', path: null });
    expect(docker.fix).toContain('https://docs.docker.com/desktop/setup/install/mac-install/');
    const kind = await checkKind({ env: standins.env, platform: 'linux' });
    expect(kind.state).toBe('missing');
    expect(kind.fix).toContain('https://kind.sigs.k8s.io/docs/user/quick-start/#installation');
    expect((await checkKind({ env: standins.env, platform: 'win32' })).fix).toContain(
      'winget install Kubernetes.kind',
    );
  });

  it('tells a stopped Docker daemon from a missing one', async () => {
    standins = makeStandins({ docker: 'stopped' });
    const docker = await checkDocker({ env: standins.env, platform: 'linux' });
    expect(docker).toMatchObject({
      state: 'stopped',
      detail: 'Docker is installed but its daemon is not running',
    });
    expect(docker.fix).toContain('systemctl start docker');
    expect(standins.calls()).toEqual([{ tool: 'docker', args: ['info', '--format', '{{.ServerVersion}}'] }]);
  });

  it('accepts a running Docker and kind 0.30, refuses kind 0.27 and says why', async () => {
    standins = makeStandins();
    expect(await checkDocker({ env: standins.env })).toMatchObject({ state: 'ok', version: '27.3.1' });
    expect(await checkKind({ env: standins.env })).toMatchObject({ state: 'ok', version: 'v0.30.0' });
    standins.setState({ kindVersion: '0.27.0' });
    const old = await checkKind({ env: standins.env });
    expect(old.state).toBe('too-old');
    expect(old.detail).toContain('kubernetes-sigs/kube-network-policies#150');
    expect(old.fix).toMatch(/kind 0\.28 or newer/);
  });

  it('finds the kind Storedeck downloaded into the data dir when PATH has none', async () => {
    const withKind = makeStandins();
    standins = makeStandins({}, { only: ['docker'] });
    try {
      const found = await checkKind({
        env: { ...standins.env, STANDIN_DIR: withKind.env.STANDIN_DIR },
        binDir: withKind.binDir,
      });
      expect(found).toMatchObject({ state: 'ok', path: `${withKind.binDir}/kind` });
    } finally {
      withKind.remove();
    }
  });
});
