import type { KubeObject } from '../../types.js';
import type { EventRecorder } from '../events.js';
import { imageFlavour, imageId, parseImage } from '../image.js';
import { controllerOf } from '../meta.js';
import { claimsOf } from '../pvc.controller.js';
import type { Runtime } from '../runtime.js';
import { schedulePod } from '../scheduler.js';
import { backoffMs, crashAfterMs, goDuration, jobRunMs, readyAfterStartMs } from '../timings.js';
import { ImagePuller, imageSizeBytes, pullDurationMs } from './image-puller.js';
import { LogBook } from '../logs/log-book.js';
import { scriptFor } from '../logs/script-for.js';
import {
  advance,
  newRun,
  pastPull,
  hasCompleted,
  type ContainerRun,
  type RunHooks,
} from './container-run.js';
import { buildPodStatus, type PodRecord } from './pod-status.js';
import { terminatePod } from './terminating.js';
import { envConfigError, expandRefs, resolveEnv, volumeMountError, type ContainerSpec } from './pod-env.js';
import { attachVolumes, type Attachments } from './attach.js';
import { WpSites } from './wp-sites.js';
import { createContainerError, probeFaults, withProbeFaults } from './probe-faults.js';
import { containerTarget, crashes, fallbackTerminationMessage } from './container-faults.js';
import { syncProbes, type ProbedContainer, type ProbeLedger } from './probes.js';
import { mountResolver, VolumeFiles } from '../exec/volume-files.js';

export interface Kubelet {
  logs: LogBook;
  sites: WpSites;
  /** What containers wrote to their claims (tar, dd, the setup Job's plugin install). */
  volumes: VolumeFiles;
  record(namespace: string, name: string): PodRecord | undefined;
}

const specsOf = (pod: KubeObject, init: boolean): ContainerSpec[] =>
  ((init ? pod.spec?.initContainers : pod.spec?.containers) ?? []) as ContainerSpec[];
const spec0 = (pod: KubeObject, run: ContainerRun): ContainerSpec | undefined =>
  specsOf(pod, run.init).find((c) => c.name === run.name);
const matches = (pattern: string | undefined, text: string): boolean =>
  !!pattern && new RegExp(pattern).test(text);
const parseTime = (s: unknown): number => (typeof s === 'string' ? Date.parse(s) : Number.NaN);

/** A pod that already runs when the kubelet first sees it (seeded objects) is adopted as it is. */
function adopt(pod: KubeObject, run: ContainerRun, now: number): void {
  type Seen = {
    name: string;
    imageID?: string;
    containerID?: string;
    restartCount?: number;
    ready?: boolean;
    state?: { running?: { startedAt?: string } };
  };
  const cs = ((pod.status?.containerStatuses ?? []) as Seen[]).find((s) => s.name === run.name);
  const started = parseTime(cs?.state?.running?.startedAt);
  if (!cs || Number.isNaN(started)) return;
  run.phase = 'running';
  run.until = Number.POSITIVE_INFINITY;
  run.imageID = String(cs.imageID ?? imageId(run.image));
  run.containerID = String(cs.containerID ?? '').replace(/^containerd:\/\//, '');
  run.restarts = Number(cs.restartCount ?? 0);
  run.current = {
    startedAt: started,
    readyAt: cs.ready ? started : now,
    exitCode: 0,
    containerID: run.containerID,
  };
}

/** The kubelets of the sim's nodes: scheduling hand-off, volumes, image pulls, container lifecycles, status, logs. Key: namespace/name. */
export function installKubelet(rt: Runtime, events: EventRecorder): Kubelet {
  const records = new Map<string, PodRecord>();
  const nodeImages = new Map<string, Set<string>>();
  const initialised = new Set<string>();
  const attachments: Attachments = new Map();
  const logs = new LogBook();
  const sites = new WpSites();
  const probeLedger: ProbeLedger = new Map();
  const volumes = new VolumeFiles();
  const puller = new ImagePuller(() => rt.profile);

  const drop = (key: string, now: number): void => {
    const rec = records.get(key);
    if (!rec) return;
    logs.drop(rec.uid, now);
    for (const run of [...rec.inits, ...rec.containers]) probeLedger.delete(run.containerID);
    for (const users of attachments.values()) for (const set of users.values()) set.delete(key);
    records.delete(key);
  };

  function createRecord(pod: KubeObject, nodeName: string, now: number): PodRecord {
    const node = rt.nodes.find((n) => n.name === nodeName) as (typeof rt.nodes)[number];
    const rng = rt.rngFor(`pod-ip:${pod.metadata.namespace}/${pod.metadata.name}`);
    const nodeIndex = rt.nodes.indexOf(node);
    const adopted = typeof pod.status?.podIP === 'string' && pod.status.phase === 'Running';
    const rec: PodRecord = {
      uid: pod.metadata.uid as string,
      node: node.name,
      hostIP: node.ip,
      podIP: adopted ? pod.status?.podIP : `10.42.${nodeIndex}.${2 + rng.int(250)}`,
      startTime: adopted ? parseTime(pod.status?.startTime) || now : now,
      inits: specsOf(pod, true).map((c) => newRun(c.name, c.image, true)),
      containers: specsOf(pod, false).map((c) => newRun(c.name, c.image, false)),
      deleting: false,
    };
    if (adopted) for (const run of rec.containers) adopt(pod, run, now);
    return rec;
  }

  function hooks(pod: KubeObject, rec: PodRecord, now: number): RunHooks {
    const p = rt.profile;
    const faults = rt.faults();
    const ns = pod.metadata.namespace as string;
    const spec = (run: ContainerRun): ContainerSpec =>
      specsOf(pod, run.init).find((c) => c.name === run.name) as ContainerSpec;
    const images = nodeImages.get(rec.node) ?? new Set<string>();
    nodeImages.set(rec.node, images);
    const idRng = rt.rngFor(`container-id:${ns}/${pod.metadata.name}`);
    const owner = controllerOf(pod);
    const jobName =
      pod.metadata.labels?.['job-name'] ?? (owner?.kind === 'Job' ? owner.name : pod.metadata.name);
    const policy = String(pod.spec?.restartPolicy ?? 'Always');
    return {
      now,
      restartPolicy: policy,
      containerStartMs: p.timings.containerStartMs,
      terminatedDisplayMs: Math.min(1000, backoffMs(p, 1) / 10),
      errImagePullDisplayMs: Math.min(2000, backoffMs(p, 1) / 5),
      backoff: (n) => backoffMs(p, n),
      podRef: `${pod.metadata.name}_${ns}(${pod.metadata.uid})`,
      pull(run) {
        const full = parseImage(run.image).full;
        const pullPolicy = spec(run).imagePullPolicy ?? 'IfNotPresent';
        if (images.has(full) && pullPolicy !== 'Always') {
          run.imageID = imageId(run.image);
          return { cached: true };
        }
        const pullMs =
          pullPolicy === 'Never'
            ? 0
            : images.has(full)
              ? Math.min(500, pullDurationMs(p, run.image))
              : pullDurationMs(p, run.image);
        return { cached: false, ms: puller.schedule(rec.node, now, pullMs) - now, pullMs };
      },
      pullFailure(run) {
        const full = parseImage(run.image).full;
        if (spec(run).imagePullPolicy === 'Never' && !images.has(full))
          return {
            reason: 'ErrImageNeverPull',
            message: `Container image "${run.image}" is not present with pull policy of Never`,
          };
        if (!matches(faults.imagePullFailPattern, run.image)) return undefined;
        return {
          reason: 'ErrImagePull',
          message: `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`,
        };
      },
      pulled(run, ms) {
        images.add(parseImage(run.image).full);
        run.imageID = imageId(run.image);
        const size = imageSizeBytes(p, run.image, run.imageID);
        events.record(
          pod,
          'Normal',
          'Pulled',
          `Successfully pulled image "${run.image}" in ${goDuration(run.pullMs ?? ms)} (${goDuration(ms)} including waiting). Image size: ${size} bytes.`,
          { component: 'kubelet', host: rec.node },
          `spec.${run.init ? 'initContainers' : 'containers'}{${run.name}}`,
        );
      },
      configError: (run) => envConfigError(rt.store, pod, spec(run)),
      createError: (run) =>
        createContainerError(
          faults,
          run,
          { name: pod.metadata.name, namespace: ns, uid: rec.uid },
          Array.from({ length: 64 }, () => idRng.int(16).toString(16)).join(''),
        ),
      plan(run) {
        const c = spec(run) as ContainerSpec & ProbedContainer;
        const ready = c.readinessProbe || c.startupProbe ? readyAfterStartMs(p, run.image) : 0;
        if (crashes(faults, run.image, pod.metadata.name, run.name))
          return { readyAfterMs: ready, exitAfterMs: crashAfterMs(p), exitCode: 1 };
        if (run.init)
          return { readyAfterMs: 0, exitAfterMs: Math.max(1, p.timings.containerStartMs), exitCode: 0 };
        if (policy !== 'Always')
          return {
            readyAfterMs: ready,
            exitAfterMs: jobRunMs(p, jobName, run.image),
            exitCode: matches(faults.jobFailPattern, jobName) ? 1 : 0,
          };
        return withProbeFaults(
          { readyAfterMs: ready, exitCode: 0 },
          run,
          c,
          probeFaults(faults, run.image, c, containerTarget(pod.metadata.name, run.name)),
        );
      },
      newContainerId: () => Array.from({ length: 64 }, () => idRng.int(16).toString(16)).join(''),
      event: (run, type, reason, message) =>
        events.record(
          pod,
          type,
          reason,
          message,
          { component: 'kubelet', host: rec.node },
          `spec.${run.init ? 'initContainers' : 'containers'}{${run.name}}`,
        ),
      started(run, inst) {
        const c = spec(run);
        const env = resolveEnv(rt.store, pod, c, rec.podIP);
        const volumeKey = `${ns}/${claimsOf(pod)[0] ?? pod.metadata.name}:${imageFlavour(run.image)}`;
        const firstRun = !initialised.has(volumeKey);
        initialised.add(volumeKey);
        const outcome = crashes(faults, run.image, pod.metadata.name, run.name)
          ? 'crash'
          : inst.exitAt === undefined
            ? 'serve'
            : inst.exitCode === 0
              ? 'succeed'
              : 'fail';
        const script = scriptFor({
          image: run.image,
          tag: parseImage(run.image).tag,
          pod: pod.metadata.name,
          container: run.name,
          env,
          podIP: rec.podIP,
          firstRun,
          readyAfterMs: (inst.upAt ?? inst.readyAt) - inst.startedAt,
          exitAfterMs: inst.exitAt !== undefined ? inst.exitAt - inst.startedAt : undefined,
          outcome,
          rng: rt.rngFor(`logs:${ns}/${pod.metadata.name}/${run.name}/${run.restarts}`),
        });
        logs.start(rec.uid, run.name, script, inst.startedAt, inst.containerID);
      },
      exited(run, term) {
        const log = logs.current(rec.uid, run.name);
        log?.end(term.finishedAt);
        const message = fallbackTerminationMessage(
          spec(run).terminationMessagePolicy,
          term.exitCode,
          log,
          term.finishedAt,
        );
        if (message) term.message = message;
        if (term.exitCode !== 0 || imageFlavour(run.image) !== 'wp-cli' || owner?.kind !== 'Job') return;
        const c = spec(run);
        const env = resolveEnv(rt.store, pod, c, rec.podIP);
        sites.completeSetup(ns, env, expandRefs([...(c.command ?? []), ...(c.args ?? [])].join(' '), env));
        sites.writeSetupFiles(volumes, mountResolver(pod, run.name));
      },
    };
  }

  rt.register('pod', (key) => {
    const now = rt.clock.now();
    const [namespace = '', name = ''] = key.split('/');
    let pod = rt.store.get('pods', namespace, name);
    if (!pod || (records.get(key) && records.get(key)?.uid !== pod.metadata.uid)) drop(key, now);
    if (!pod) return;
    if (!pod.spec?.nodeName) {
      if (pod.metadata.deletionTimestamp || !schedulePod(rt, events, pod)) return;
      pod = rt.store.get('pods', namespace, name) as KubeObject;
    }
    if (!rt.nodes.some((n) => n.name === pod?.spec?.nodeName)) return;
    const rec = records.get(key) ?? createRecord(pod, pod.spec.nodeName, now);
    records.set(key, rec);
    const h = hooks(pod, rec, now);
    if (pod.metadata.deletionTimestamp) return terminatePod(rt, pod, rec, h, now);
    const blocked = volumeMountError(rt.store, pod) ?? attachVolumes(rt, attachments, pod, key, rec.node);
    if (blocked && !rec.deleting) {
      const [reason, component] = blocked.startsWith('Multi-Attach')
        ? ['FailedAttachVolume', 'attachdetach-controller']
        : ['FailedMount', 'kubelet'];
      events.record(
        pod,
        'Warning',
        reason,
        blocked,
        component === 'kubelet' ? { component, host: rec.node } : { component },
      );
    }
    const gate = !blocked && !rec.deleting;
    const deadlines: Array<number | undefined> = [];
    // Probes first: a liveness kill due now is reported before the container's exit is processed.
    for (const run of [...rec.inits, ...rec.containers]) {
      if (run.phase !== 'running' || !run.current || rec.deleting) continue;
      const c = spec0(pod, run) as ProbedContainer;
      deadlines.push(
        syncProbes(run, run.current, c, probeLedger, {
          now,
          podIP: rec.podIP,
          ...probeFaults(rt.faults(), run.image, c, containerTarget(pod.metadata.name, run.name)),
          unhealthy: (r, message) => h.event(r, 'Warning', 'Unhealthy', message),
        }),
      );
    }
    rec.inits.forEach((run, i) =>
      deadlines.push(advance(run, h, gate && rec.inits.slice(0, i).every(hasCompleted))),
    );
    const initsDone = rec.inits.every(hasCompleted);
    rec.containers.forEach((run, i) =>
      deadlines.push(
        advance(run, h, gate && initsDone && (i === 0 || pastPull(rec.containers[i - 1] as ContainerRun))),
      ),
    );
    const status = buildPodStatus(pod, rec, now);
    const fresh = rt.store.get('pods', namespace, name);
    if (fresh && JSON.stringify(fresh.status) !== JSON.stringify(status))
      rt.store.updateStatus('pods', { ...fresh, status });
    const next = Math.min(...deadlines.filter((d): d is number => d !== undefined));
    return Number.isFinite(next) ? next - now : undefined;
  });

  return {
    logs,
    sites,
    volumes,
    record: (namespace, name) => records.get(`${namespace}/${name}`),
  };
}
