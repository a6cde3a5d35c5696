// `storedeck cluster create|status|delete`: the local Kind cluster, with kind's own progress
// lines and then the ingress install printed as they happen. Ctrl-C during a create cancels
// it (a half-made cluster is removed); delete asks first unless --yes.
import type { ClusterProgress, ClusterStatus } from '../../../preload/contract';
import { print, reportError, type CliContext } from '../cli-context';
import { EXIT_BAD_INPUT, EXIT_FAILED } from '../cli-errors';
import { numberFlag, stringFlag, type CommandFn } from './command-fn';

const END = new Set(['done', 'failed', 'cancelled']);

/** Collects one operation's progress from the bus; subscribe before starting it. */
function follow(ctx: CliContext, onLine: (p: ClusterProgress) => void) {
  let id: string | null = null;
  const early: ClusterProgress[] = [];
  let settle: (p: ClusterProgress) => void = () => {};
  const ended = new Promise<ClusterProgress>((resolve) => (settle = resolve));
  const handle = (p: ClusterProgress) => {
    onLine(p);
    if (END.has(p.phase)) settle(p);
  };
  const unsubscribe = ctx.bus.subscribe((name, payload) => {
    if (name !== 'clusterProgress') return;
    const p = payload as ClusterProgress;
    if (id === null) early.push(p);
    else if (p.operationId === id) handle(p);
  });
  return {
    start(operationId: string) {
      id = operationId;
      for (const p of early.splice(0)) if (p.operationId === id) handle(p);
    },
    ended,
    stop: unsubscribe,
  };
}

const lineOf = (p: ClusterProgress): string => (p.phase === 'kind' ? `  ${p.line}` : p.line);

async function create(ctx: CliContext, flags: Parameters<CommandFn>[2]): Promise<number> {
  const request: Record<string, unknown> = { name: stringFlag(flags, 'name') ?? 'storedeck' };
  const httpPort = numberFlag(flags, 'http-port');
  const workers = numberFlag(flags, 'workers');
  if (httpPort !== undefined) request.httpPort = httpPort;
  if (workers !== undefined) request.workers = workers;
  const progress = follow(ctx, (p) => {
    if (!ctx.json && !END.has(p.phase)) ctx.io.out(`${lineOf(p)}\n`);
  });
  try {
    const started = await ctx.call('createLocalCluster', request);
    if (!started.ok) return reportError(ctx, started.error);
    const operationId = started.value.operationId;
    const cancel = () => void ctx.call('cancelClusterOperation', { operationId });
    ctx.signal.addEventListener('abort', cancel, { once: true });
    progress.start(operationId);
    const end = await progress.ended;
    ctx.signal.removeEventListener('abort', cancel);
    if (end.phase !== 'done') {
      ctx.io.err(
        `storedeck: cluster create ${end.phase === 'cancelled' ? 'cancelled' : 'failed'}: ${end.line}\n`,
      );
      return EXIT_FAILED;
    }
    print(ctx, end.result, () =>
      [
        end.line,
        `Context ${end.result?.context} is selected. Next: storedeck create "My shop" --email you@example.com --wait`,
      ].join('\n'),
    );
    return 0;
  } finally {
    progress.stop();
  }
}

function formatStatus(s: ClusterStatus): string {
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'FAIL');
  const rows: Array<[string, string]> = [
    [
      'Docker',
      `${mark(s.docker.state === 'ok')}  ${s.docker.detail}${s.docker.fix ? ` — ${s.docker.fix}` : ''}`,
    ],
    ['kind', `${mark(s.kind.state === 'ok')}  ${s.kind.detail}${s.kind.fix ? ` — ${s.kind.fix}` : ''}`],
    ['Clusters', s.clusters.length > 0 ? s.clusters.join(', ') : '(none)'],
    ['Kubeconfig', s.kubeconfigPath],
    [
      'Context',
      s.context
        ? `${s.context}${s.localCluster ? ` (local cluster "${s.localCluster.name}", HTTP port ${s.localCluster.httpPort})` : ''}`
        : '(none)',
    ],
    ['Cluster', s.kubeconfigProblem ?? 'reachable'],
    ['Ingress', s.ingress ?? 'unknown (the cluster is not reachable)'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

async function status(ctx: CliContext): Promise<number> {
  const result = await ctx.call('getClusterStatus', {});
  if (!result.ok) return reportError(ctx, result.error);
  print(ctx, result.value, () => formatStatus(result.value));
  return 0;
}

async function remove(ctx: CliContext, flags: Parameters<CommandFn>[2]): Promise<number> {
  const name = stringFlag(flags, 'name') ?? 'storedeck';
  if (flags.yes !== true) {
    if (!ctx.confirm) {
      ctx.io.err(
        `storedeck: cluster delete removes cluster "${name}" and every store in it; pass --yes to confirm\n`,
      );
      return EXIT_BAD_INPUT;
    }
    if (!(await ctx.confirm(`Delete the kind cluster "${name}" and every store in it? [y/N] `))) {
      ctx.io.err('storedeck: cluster delete: not confirmed, nothing deleted\n');
      return EXIT_FAILED;
    }
  }
  const progress = follow(ctx, (p) => {
    if (!ctx.json && p.phase === 'kind') ctx.io.out(`${lineOf(p)}\n`);
  });
  try {
    const result = await ctx.call('deleteLocalCluster', { name });
    if (!result.ok) return reportError(ctx, result.error);
    // The delete ran to its end inside the call: its lines are all buffered by now.
    progress.start(result.value.operationId);
    print(ctx, { deleted: name }, () => `Cluster "${name}" is deleted.`);
    return 0;
  } finally {
    progress.stop();
  }
}

export const runCluster: CommandFn = async (ctx, args, flags) => {
  switch (args.action) {
    case 'create':
      return create(ctx, flags);
    case 'status':
      return status(ctx);
    case 'delete':
      return remove(ctx, flags);
    default:
      ctx.io.err(`storedeck: cluster: unknown action "${args.action}" (create, status or delete)\n`);
      return EXIT_BAD_INPUT;
  }
};
