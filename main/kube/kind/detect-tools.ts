// Is this machine able to run a local Kind cluster? `docker info` says whether a daemon
// answers, `kind version` whether kind is there and new enough. Each answer names exactly
// what is missing and where to get it for the user's OS.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isSupportedKind, MIN_KIND_REASON, parseKindVersion } from './kind-version';
import { runTool } from './tool-run';

export type ToolState = 'ok' | 'missing' | 'stopped' | 'unusable' | 'too-old';

export interface ToolCheck {
  name: 'docker' | 'kind';
  state: ToolState;
  /** Version when it answered, e.g. "27.3.1" or "v0.30.0". */
  version: string | null;
  /** The executable that answered (kind may be the copy in the data dir). */
  path: string | null;
  /** One sentence: what is wrong, or what was found. */
  detail: string;
  /** What to do about it (install link for this OS), null when ok. */
  fix: string | null;
}

export interface DetectOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Where a kind downloaded by Storedeck lives (data dir's bin/). */
  binDir?: string | null;
  signal?: AbortSignal;
}

const DETECT_TIMEOUT_MS = 15_000;

const DOCKER_INSTALL: Record<string, string> = {
  linux: 'https://docs.docker.com/engine/install/',
  darwin: 'https://docs.docker.com/desktop/setup/install/mac-install/',
  win32: 'https://docs.docker.com/desktop/setup/install/windows-install/',
};
const KIND_INSTALL = 'https://kind.sigs.k8s.io/docs/user/quick-start/#installation';

const KIND_HOW: Record<string, string> = {
  linux: `download it from ${KIND_INSTALL} (or let Storedeck download a checksummed copy)`,
  darwin: `\`brew install kind\`, or see ${KIND_INSTALL} (or let Storedeck download a checksummed copy)`,
  win32: `\`winget install Kubernetes.kind\`, or see ${KIND_INSTALL}`,
};

const dockerLink = (platform: NodeJS.Platform): string => DOCKER_INSTALL[platform] ?? DOCKER_INSTALL.linux!;
const firstLine = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0) ?? '';

export async function checkDocker(options: DetectOptions = {}): Promise<ToolCheck> {
  const platform = options.platform ?? process.platform;
  const run = await runTool('docker', ['info', '--format', '{{.ServerVersion}}'], {
    env: options.env,
    signal: options.signal,
    timeoutMs: DETECT_TIMEOUT_MS,
  });
  const base = { name: 'docker' as const, path: 'docker' };
  if (run.spawnError) {
    return {
      ...base,
      path: null,
      state: 'missing',
      version: null,
      detail: 'Docker is not installed (no `docker` command on PATH)',
      fix: `Install Docker: ${dockerLink(platform)}`,
    };
  }
  const output = `${run.stderr}\n${run.stdout}`;
  if (run.code === 0 && run.stdout.trim().length > 0 && !/error/i.test(run.stderr)) {
    const version = run.stdout.trim();
    return { ...base, state: 'ok', version, detail: `Docker ${version} is running`, fix: null };
  }
  if (/permission denied/i.test(output)) {
    return {
      ...base,
      state: 'unusable',
      version: null,
      detail: `Docker refused this user: ${firstLine(run.stderr)}`,
      fix:
        platform === 'linux'
          ? 'Add yourself to the docker group (`sudo usermod -aG docker $USER`), then log out and in again'
          : 'Run Docker Desktop as this user',
    };
  }
  if (
    run.timedOut ||
    /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect/i.test(output)
  ) {
    return {
      ...base,
      state: 'stopped',
      version: null,
      detail: run.timedOut
        ? 'Docker did not answer within 15 s'
        : 'Docker is installed but its daemon is not running',
      fix:
        platform === 'linux'
          ? 'Start it: `sudo systemctl start docker` (or start Docker Desktop)'
          : 'Start Docker Desktop and wait until it says it is running',
    };
  }
  return {
    ...base,
    state: 'unusable',
    version: null,
    detail: `\`docker info\` failed: ${firstLine(output) || `exit code ${run.code}`}`,
    fix: `Check your Docker installation: ${dockerLink(platform)}`,
  };
}

/** kind from PATH, else the copy Storedeck downloaded into binDir. */
export async function checkKind(options: DetectOptions = {}): Promise<ToolCheck> {
  const platform = options.platform ?? process.platform;
  const local = options.binDir ? path.join(options.binDir, platform === 'win32' ? 'kind.exe' : 'kind') : null;
  const candidates = ['kind', ...(local && existsSync(local) ? [local] : [])];
  for (const command of candidates) {
    const run = await runTool(command, ['version'], {
      env: options.env,
      signal: options.signal,
      timeoutMs: DETECT_TIMEOUT_MS,
    });
    if (run.spawnError) continue;
    const version = parseKindVersion(run.stdout);
    const base = { name: 'kind' as const, path: command };
    if (run.code !== 0 || !version) {
      return {
        ...base,
        state: 'unusable',
        version: null,
        detail: `\`kind version\` failed: ${firstLine(run.stderr || run.stdout) || `exit code ${run.code}`}`,
        fix: `Reinstall kind: ${KIND_HOW[platform] ?? KIND_INSTALL}`,
      };
    }
    if (!isSupportedKind(version)) {
      return {
        ...base,
        state: 'too-old',
        version: version.text,
        detail: `kind ${version.text} is too old: ${MIN_KIND_REASON}`,
        fix: `Install kind 0.28 or newer: ${KIND_HOW[platform] ?? KIND_INSTALL}`,
      };
    }
    return { ...base, state: 'ok', version: version.text, detail: `kind ${version.text}`, fix: null };
  }
  return {
    name: 'kind',
    state: 'missing',
    version: null,
    path: null,
    detail: 'kind is not installed (no `kind` command on PATH)',
    fix: `Install kind: ${KIND_HOW[platform] ?? KIND_INSTALL}`,
  };
}
