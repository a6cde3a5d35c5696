// Stand-in `kind` and `docker` executables for tests: they record their arguments, print what
// the real ones print (kind's progress on stderr, "node(s) already exist…", a stopped daemon's
// "Cannot connect to the Docker daemon…"), and "create" a cluster by writing a running
// simulator's server and credentials into the kubeconfig as kind-<name>.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';

export interface StandinState {
  docker?: 'running' | 'stopped';
  kindVersion?: string;
  /** kind create blocks after "Preparing nodes" until killed (for cancel tests). */
  hang?: boolean;
  /** Server, CA and user credentials (as kind writes them: a client certificate) of the "created" cluster. */
  cluster?: { server: string; caData: string; user: Record<string, string> };
  /** Clusters that exist, with the host ports their node 80/443 are published on. */
  clusters?: Record<string, { http: number; https: number }>;
}

export interface Standins {
  /** Directory to put first (or alone) on PATH. */
  binDir: string;
  /** A PATH with only the stand-ins (and no real docker/kind). */
  env: NodeJS.ProcessEnv;
  /** Every call, in order: the tool and its arguments (and kind's config file contents). */
  calls(): Array<{ tool: 'kind' | 'docker'; args: string[]; config?: string }>;
  state(): StandinState;
  setState(patch: Partial<StandinState>): void;
  remove(): void;
}

const yamlUrl = pathToFileURL(createRequire(import.meta.url).resolve('yaml')).href;

const COMMON = `
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import YAML from ${JSON.stringify(yamlUrl)};
const dir = process.env.STANDIN_DIR;
const statePath = dir + '/state.json';
const state = () => JSON.parse(readFileSync(statePath, 'utf8'));
const save = (s) => writeFileSync(statePath, JSON.stringify(s, null, 2));
const record = (entry) => appendFileSync(dir + '/calls.jsonl', JSON.stringify(entry) + '\\n');
const args = process.argv.slice(2);
const flag = (name) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1]; };
const err = (line) => process.stderr.write(line + '\\n');
const DOWN = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
`;

const KIND = `${COMMON}
const s = state();
const config = flag('--config');
record({ tool: 'kind', args, ...(config ? { config: readFileSync(config, 'utf8') } : {}) });
const version = s.kindVersion ?? '0.30.0';
const name = flag('--name') ?? 'kind';
const kubeconfig = flag('--kubeconfig');
const readKc = () => (kubeconfig && existsSync(kubeconfig) ? YAML.parse(readFileSync(kubeconfig, 'utf8')) ?? {} : {});
const without = (list, n) => (list ?? []).filter((e) => e.name !== n);
function writeContext() {
  const kc = readKc();
  const ctx = 'kind-' + name;
  kc.apiVersion = 'v1'; kc.kind = 'Config';
  kc.clusters = [...without(kc.clusters, ctx), { name: ctx, cluster: { server: s.cluster.server, 'certificate-authority-data': s.cluster.caData } }];
  kc.users = [...without(kc.users, ctx), { name: ctx, user: s.cluster.user }];
  kc.contexts = [...without(kc.contexts, ctx), { name: ctx, context: { cluster: ctx, user: ctx } }];
  kc['current-context'] = ctx;
  writeFileSync(kubeconfig, YAML.stringify(kc), { mode: 0o600 });
  err('Set kubectl context to "' + ctx + '"');
}
const dockerDown = () => {
  err('ERROR: failed to create cluster: failed to list nodes: command "docker ps -a --filter label=io.x-k8s.kind.cluster=' + name + ' --format \\'{{.Names}}\\'" failed with error: exit status 1');
  err('Command Output: ' + DOWN);
  process.exit(1);
};
const [verb, noun] = args;
if (verb === 'version') {
  console.log('kind v' + version + ' go1.24.6 linux/amd64');
} else if (verb === 'get' && noun === 'clusters') {
  if (s.docker === 'stopped') { err('ERROR: failed to list clusters: command "docker ps -a --filter label=io.x-k8s.kind.cluster --format \\'{{.Label "io.x-k8s.kind.cluster"}}\\'" failed with error: exit status 1'); err('Command Output: ' + DOWN); process.exit(1); }
  const names = Object.keys(s.clusters ?? {});
  if (names.length === 0) err('No kind clusters found.'); else console.log(names.join('\\n'));
} else if (verb === 'create' && noun === 'cluster') {
  if (s.docker === 'stopped') dockerDown();
  if ((s.clusters ?? {})[name]) { err('ERROR: failed to create cluster: node(s) already exist for a cluster with the name "' + name + '"'); process.exit(1); }
  const cfg = YAML.parse(readFileSync(config, 'utf8'));
  const maps = cfg.nodes[0].extraPortMappings ?? [];
  const host = (p) => maps.find((m) => m.containerPort === p)?.hostPort;
  err('Creating cluster "' + name + '" ...');
  const step = (text) => { err(' • ' + text + '  ...'); err(' ✓ ' + text); };
  step('Ensuring node image (kindest/node:v1.33.1) 🖼');
  err(' • Preparing nodes 📦  ...');
  if (s.hang) { s.clusters = { ...(s.clusters ?? {}), [name]: { http: host(80), https: host(443) } }; save(s); setInterval(() => {}, 1000); }
  else {
    err(' ✓ Preparing nodes 📦');
    step('Writing configuration 📜');
    step('Starting control-plane 🕹️');
    step('Installing CNI 🔌');
    step('Installing StorageClass 💾');
    if (cfg.nodes.length > 1) step('Joining worker nodes 🚜');
    s.clusters = { ...(s.clusters ?? {}), [name]: { http: host(80), https: host(443) } };
    save(s);
    writeContext();
    err('You can now use your cluster with:');
    err('');
    err('kubectl cluster-info --context kind-' + name);
    err('');
    err('Have a nice day! 👋');
  }
} else if (verb === 'export' && noun === 'kubeconfig') {
  if (!(s.clusters ?? {})[name]) { err('ERROR: could not locate any control plane nodes for cluster named \\'' + name + '\\'. Use the --name option to select a different cluster'); process.exit(1); }
  writeContext();
} else if (verb === 'delete' && noun === 'cluster') {
  err('Deleting cluster "' + name + '" ...');
  const existed = Boolean((s.clusters ?? {})[name]);
  delete (s.clusters ?? {})[name];
  save(s);
  if (kubeconfig && existsSync(kubeconfig)) {
    const kc = readKc(); const ctx = 'kind-' + name;
    kc.clusters = without(kc.clusters, ctx); kc.users = without(kc.users, ctx); kc.contexts = without(kc.contexts, ctx);
    if (kc['current-context'] === ctx) kc['current-context'] = '';
    writeFileSync(kubeconfig, YAML.stringify(kc));
  }
  if (existed) err('Deleted nodes: ["' + name + '-control-plane"]');
} else {
  err('ERROR: unknown command "' + args.join(' ') + '" for "kind"');
  process.exit(1);
}
`;

const DOCKER = `${COMMON}
const s = state();
record({ tool: 'docker', args });
if (args[0] === 'info') {
  if (s.docker === 'stopped') { err(DOWN); process.exit(1); }
  console.log('27.3.1');
} else if (args[0] === 'port') {
  if (s.docker === 'stopped') { err(DOWN); process.exit(1); }
  const node = args[1] ?? '';
  const cluster = node.replace(/-control-plane$/, '');
  const ports = (s.clusters ?? {})[cluster];
  if (!ports) { err('Error response from daemon: No such container: ' + node); process.exit(1); }
  const port = (args[2] ?? '').startsWith('443') ? ports.https : ports.http;
  console.log('127.0.0.1:' + port);
} else {
  err('docker: unknown command: docker ' + args.join(' '));
  process.exit(1);
}
`;

/** The cluster a stand-in kind "creates": a simulator's server, CA and client-certificate user. */
export function simCluster(sim: { clientCertKubeconfig: string }): NonNullable<StandinState['cluster']> {
  const doc = YAML.parse(sim.clientCertKubeconfig) as {
    clusters: Array<{ cluster: { server: string; 'certificate-authority-data': string } }>;
    users: Array<{ user: Record<string, string> }>;
  };
  return {
    server: doc.clusters[0]!.cluster.server,
    caData: doc.clusters[0]!.cluster['certificate-authority-data'],
    user: doc.users[0]!.user,
  };
}

export function makeStandins(
  initial: StandinState = {},
  options: { only?: Array<'kind' | 'docker'> } = {},
): Standins {
  const dir = mkdtempSync(path.join(tmpdir(), 'storedeck-standins-'));
  const binDir = path.join(dir, 'bin');
  mkdirSync(binDir);
  const statePath = path.join(dir, 'state.json');
  writeFileSync(statePath, JSON.stringify({ docker: 'running', clusters: {}, ...initial }));
  writeFileSync(path.join(dir, 'calls.jsonl'), '');
  const tools = options.only ?? ['kind', 'docker'];
  for (const tool of tools) {
    const file = path.join(binDir, tool);
    // An absolute shebang: PATH holds only the stand-ins, not node.
    writeFileSync(file, `#!${process.execPath}\n${tool === 'kind' ? KIND : DOCKER}`);
    chmodSync(file, 0o755);
  }
  const state = (): StandinState => JSON.parse(readFileSync(statePath, 'utf8')) as StandinState;
  return {
    binDir,
    env: { PATH: binDir, STANDIN_DIR: dir, HOME: dir },
    calls: () =>
      readFileSync(path.join(dir, 'calls.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { tool: 'kind' | 'docker'; args: string[]; config?: string }),
    state,
    setState: (patch) => writeFileSync(statePath, JSON.stringify({ ...state(), ...patch })),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
