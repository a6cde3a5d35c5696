// Reads kubeconfig the way kubectl does: an explicit file only, else every file in KUBECONFIG
// merged (first occurrence of a name wins, missing files skipped), else ~/.kube/config. Parsing
// goes through @kubernetes/client-node's KubeConfig; its own KUBECONFIG merge differs from
// kubectl's (last current-context wins, duplicate names throw), hence this module.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import YAML from 'yaml';
import { err, ok, type Result } from '../../preload/contract';

export interface KubeconfigOptions {
  env?: NodeJS.ProcessEnv;
  home?: string;
}

export interface LoadedKubeconfig {
  /** The merged configuration, current context as the files say (possibly none). */
  kubeConfig: KubeConfig;
  /** The files actually read, in precedence order. */
  paths: string[];
}

interface Sources {
  paths: string[];
  /** Where the list came from, for error messages. */
  origin: 'explicit' | 'KUBECONFIG' | 'default';
}

export function kubeconfigSources(explicitPath?: string | null, options: KubeconfigOptions = {}): Sources {
  const env = options.env ?? process.env;
  if (explicitPath) return { paths: [path.resolve(explicitPath)], origin: 'explicit' };
  const list = env.KUBECONFIG;
  if (list && list.length > 0) {
    const paths = [...new Set(list.split(path.delimiter).filter((entry) => entry.length > 0))];
    if (paths.length > 0) return { paths: paths.map((entry) => path.resolve(entry)), origin: 'KUBECONFIG' };
  }
  return { paths: [path.join(options.home ?? homedir(), '.kube', 'config')], origin: 'default' };
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function missingMessage(file: string): string {
  return statSync(file, { throwIfNoEntry: false })
    ? `Kubeconfig ${file} is not a file`
    : `Kubeconfig file ${file} does not exist`;
}

function parseFile(file: string): Result<KubeConfig> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return err('no_context', `Cannot read kubeconfig ${file}: ${(error as Error).message}`);
  }
  try {
    const document: unknown = YAML.parse(text);
    // An empty file is an empty config for kubectl too.
    if (document !== null && document !== undefined) {
      if (typeof document !== 'object' || Array.isArray(document)) {
        return err('no_context', `Kubeconfig ${file} is not a kubeconfig (expected a YAML mapping)`);
      }
    }
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(document ? text : '{}', { onInvalidEntry: 'filter' });
    kubeConfig.makePathsAbsolute(path.dirname(file));
    return ok(kubeConfig);
  } catch (error) {
    // The YAML parser's first line ends in ":" before its code frame; the sentence must not.
    const reason = (((error as Error).message ?? String(error)).split('\n')[0] ?? '').replace(/:\s*$/, '');
    return err('no_context', `Cannot parse kubeconfig ${file}: ${reason}`);
  }
}

function mergeFirstWins<T extends { name: string }>(into: T[], from: readonly T[]): void {
  for (const entry of from) if (!into.some((existing) => existing.name === entry.name)) into.push(entry);
}

export function readKubeconfig(
  explicitPath?: string | null,
  options: KubeconfigOptions = {},
): Result<LoadedKubeconfig> {
  const sources = kubeconfigSources(explicitPath, options);
  // kubectl ignores missing files in KUBECONFIG but not an explicit or default file.
  const present = sources.paths.filter(isFile);
  if (present.length === 0) {
    const which =
      sources.origin === 'KUBECONFIG'
        ? `None of the files in KUBECONFIG exist: ${sources.paths.join(', ')}`
        : missingMessage(sources.paths[0] ?? '');
    const hint = sources.origin === 'default' ? ' (set KUBECONFIG or pass --kubeconfig)' : '';
    return err('no_context', `${which}${hint}`);
  }
  const clusters: Cluster[] = [];
  const users: User[] = [];
  const contexts: Context[] = [];
  let currentContext: string | undefined;
  for (const file of present) {
    const parsed = parseFile(file);
    if (!parsed.ok) return parsed;
    mergeFirstWins(clusters, parsed.value.clusters);
    mergeFirstWins(users, parsed.value.users);
    mergeFirstWins(contexts, parsed.value.contexts);
    currentContext ||= parsed.value.currentContext || undefined;
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({ clusters, users, contexts, currentContext });
  return ok({ kubeConfig, paths: present });
}

function available(kubeConfig: KubeConfig): string {
  const names = kubeConfig.contexts.map((context) => context.name);
  return names.length > 0 ? `available: ${names.join(', ')}` : 'it defines no contexts';
}

/** A KubeConfig set to `context` (default: the current context), ready for makeApiClient. */
export function loadKubeConfig(
  kubeconfigPath?: string | null,
  context?: string | null,
  options: KubeconfigOptions = {},
): Result<KubeConfig> {
  const loaded = readKubeconfig(kubeconfigPath, options);
  if (!loaded.ok) return loaded;
  const { kubeConfig, paths } = loaded.value;
  const where = paths.join(', ');
  const name = context || kubeConfig.getCurrentContext() || null;
  if (!name)
    return err(
      'no_context',
      `No context selected and ${where} sets no current-context; ${available(kubeConfig)}`,
    );
  const chosen = kubeConfig.getContextObject(name);
  if (!chosen) return err('no_context', `Context "${name}" is not in ${where}; ${available(kubeConfig)}`);
  if (!kubeConfig.getCluster(chosen.cluster)) {
    return err(
      'no_context',
      `Context "${name}" refers to cluster "${chosen.cluster}", which is missing or invalid in ${where}`,
    );
  }
  if (chosen.user && !kubeConfig.getUser(chosen.user)) {
    return err(
      'no_context',
      `Context "${name}" refers to user "${chosen.user}", which is missing or invalid in ${where}`,
    );
  }
  kubeConfig.setCurrentContext(name);
  return ok(kubeConfig);
}
