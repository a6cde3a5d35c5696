import { StatusError, type KubeObject } from '../../types.js';
import { imageFlavour, parseImage } from '../image.js';
import type { Kubelet } from '../kubelet/kubelet.js';
import { resolveEnv, runAsUser, type ContainerSpec } from '../kubelet/pod-env.js';
import { podNotFound } from '../logs/pod-logs.js';
import type { Runtime } from '../runtime.js';
import { basePrograms, createShell, type ExecResult, type Program } from './shell-run.js';
import { wpProgram } from './wp-cli.js';
import { mysqlPrograms } from './mysql-programs.js';
import { mountResolver } from './volume-files.js';
import { volumePrograms } from './volume-programs.js';

type CStatus = { name: string; ready?: boolean; state?: { running?: unknown } };

// Users the official images run as when the pod does not say: wordpress:cli is USER www-data (82, Alpine).
const IMAGE_USER: Record<string, number> = { 'wp-cli': 82, wordpress: 0, mysql: 0, generic: 0 };

/** The API server's container choice for pods/exec (registry/core/pod: streamLocation). */
function execContainer(pod: KubeObject, requested: string | undefined): string {
  const containers = (pod.spec?.containers ?? []) as Array<{ name: string }>;
  const inits = (pod.spec?.initContainers ?? []) as Array<{ name: string }>;
  const name = pod.metadata.name;
  if (!requested) {
    if (containers.length === 1) return (containers[0] as { name: string }).name;
    if (!containers.length)
      throw new StatusError(400, 'BadRequest', `a container name must be specified for pod ${name}`);
    const inInits = inits.length
      ? ` or one of the init containers: [${inits.map((c) => c.name).join(' ')}]`
      : '';
    throw new StatusError(
      400,
      'BadRequest',
      `a container name must be specified for pod ${name}, choose one of: [${containers.map((c) => c.name).join(' ')}]${inInits}`,
    );
  }
  if (![...containers, ...inits].some((c) => c.name === requested))
    throw new StatusError(400, 'BadRequest', `container ${requested} is not valid for pod ${name}`);
  return requested;
}

function mysqladmin(ready: boolean): Program {
  return (args) => {
    const command = args.find((a) => !a.startsWith('-'));
    if (command !== 'ping')
      return { stdout: '', stderr: `mysqladmin: Unknown command: '${command ?? ''}'\n`, exitCode: 1 };
    if (ready) return { stdout: 'mysqld is alive\n', stderr: '', exitCode: 0 };
    return {
      stdout: '',
      stderr:
        "mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n",
      exitCode: 1,
    };
  };
}

// argv goes through the shell quoted, so builtins, programs and "not found" behave alike.
const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

/** pods/exec: runs a command in a running container through a small sh and the image's tools. */
export function createPodExec(rt: Runtime, kubelet: Kubelet) {
  const files = new Map<string, Map<string, string>>();

  return async function podExec(
    namespace: string,
    podName: string,
    requested: string | undefined,
    command: string[],
    stdin?: string | Buffer,
  ): Promise<ExecResult> {
    const pod = rt.store.get('pods', namespace, podName);
    if (!pod) throw podNotFound(podName);
    const container = execContainer(pod, requested);
    if (!command.length)
      throw new StatusError(400, 'BadRequest', 'you must specify at least one command for the container');
    if (!pod.spec?.nodeName)
      throw new StatusError(400, 'BadRequest', `pod ${podName} does not have a host assigned`);
    const statuses = [
      ...((pod.status?.containerStatuses ?? []) as CStatus[]),
      ...((pod.status?.initContainerStatuses ?? []) as CStatus[]),
    ];
    const cs = statuses.find((s) => s.name === container);
    if (!cs?.state?.running)
      throw new StatusError(
        400,
        'BadRequest',
        `unable to upgrade connection: container not found ("${container}")`,
      );
    const spec = [
      ...((pod.spec?.containers ?? []) as ContainerSpec[]),
      ...((pod.spec?.initContainers ?? []) as ContainerSpec[]),
    ].find((c) => c.name === container) as ContainerSpec;
    const flavour = imageFlavour(spec.image);
    const programs: Record<string, Program> = { ...basePrograms() };
    if (flavour === 'wp-cli') programs.wp = wpProgram(kubelet.sites.site(rt.store, namespace));
    if (flavour === 'mysql') {
      programs.mysqladmin = mysqladmin(!!cs.ready);
      Object.assign(
        programs,
        mysqlPrograms({
          site: kubelet.sites.site(rt.store, namespace),
          ready: !!cs.ready,
          version: parseImage(spec.image).tag.replace(/-.*$/, '') || '8.4.0',
          now: () => new Date(rt.clock.now()),
        }),
      );
    }
    // GNU tar, du and dd in the Debian-based images; busybox's in the Alpine WP-CLI image.
    if (flavour !== 'mysql')
      Object.assign(
        programs,
        volumePrograms({
          files: kubelet.volumes,
          resolve: mountResolver(pod, container),
          now: () => Math.floor(rt.clock.now() / 1000),
        }),
      );
    const fileKey = `${pod.metadata.uid}/${container}`;
    const shell = createShell({
      hostname: podName,
      uid: runAsUser(pod, spec, IMAGE_USER[flavour] ?? 0),
      programs,
      files: files.get(fileKey) ?? new Map([['/etc/hostname', `${podName}\n`]]),
    });
    files.set(fileKey, shell.files);
    const env = resolveEnv(
      rt.store,
      pod,
      spec,
      kubelet.record(namespace, podName)?.podIP ?? String(pod.status?.podIP ?? ''),
    );
    const bytes = typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin;
    return shell.run(
      command.map(quote).join(' '),
      { ...env },
      { data: bytes?.toString('utf8') ?? '', bytes, consumed: false },
    );
  };
}
