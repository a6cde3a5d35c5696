// The admin password lives only in the store's Secret: revealed by reading it on demand, reset
// by writing a new random one there and applying it in WordPress with the strategy's Job
// (pinned to the WordPress pod's node: the app volume is ReadWriteOnce).
import { randomBytes, randomUUID } from 'node:crypto';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { err, ok, type Result } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import type { ApiObject } from '../../kube/kube-object';
import { KINDS } from '../../kube/kinds';
import { watchUntil } from '../../kube/watch-wait';
import { appPodNode } from '../app-node';
import { SIDE_FIELD_MANAGERS } from '../../kube/field-managers';
import { PASSWORD_RESET_JOB_PREFIX } from '../model/names';
import { condition, jobState, podsOfJob } from '../observe';
import type { StoreContext, StoreStrategy } from '../strategies/strategy';

export interface Credentials {
  username: string;
  password: string;
}

// A merge patch under its own manager touches only this key; an apply as `storedeck` with just
// this key would make the engine's manager drop the Secret's other keys (the WordPress salts).
const PASSWORD_RESET_TIMEOUT_MS = 240_000;

/** 24 characters from 18 random bytes: URL- and shell-safe, 144 bits. */
const generatePassword = (): string => randomBytes(18).toString('base64url');

/** Whose password it is: the strategy's fixed admin user, else the store's admin email. */
const adminUser = (strategy: StoreStrategy, store: AdminOf): string =>
  strategy.adminCredentials.user ?? store.adminEmail;

type AdminOf = Pick<StoreContext, 'namespace' | 'adminEmail'>;

export async function revealAdminPassword(
  client: KubeClient,
  store: AdminOf,
  strategy: StoreStrategy,
): Promise<Result<Credentials>> {
  const { namespace } = store;
  const { secretName, passwordKey } = strategy.adminCredentials;
  const secret = await client.get(KINDS.Secret, namespace, secretName);
  const encoded = (secret?.data as Record<string, string> | undefined)?.[passwordKey];
  if (!secret)
    return err(
      'not_found',
      `Secret ${secretName} is missing in ${namespace}; retry the store to recreate it`,
    );
  if (!encoded) return err('not_found', `Secret ${secretName} in ${namespace} has no ${passwordKey}`);
  return ok({
    username: adminUser(strategy, store),
    password: Buffer.from(encoded, 'base64').toString('utf8'),
  });
}

async function writePassword(
  client: KubeClient,
  namespace: string,
  strategy: StoreStrategy,
  password: string,
): Promise<void> {
  const { secretName, passwordKey } = strategy.adminCredentials;
  const body = { data: { [passwordKey]: Buffer.from(password, 'utf8').toString('base64') } };
  await client.call(() =>
    client.core.patchNamespacedSecret(
      { name: secretName, namespace, body, fieldManager: SIDE_FIELD_MANAGERS.password },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    ),
  );
}

type JobOutcome = { done: true } | { done: false; reason: string };

function jobOutcome(job: ApiObject | undefined): JobOutcome | undefined {
  const state = jobState(job);
  if (state === 'complete') return { done: true };
  if (state !== 'failed') return undefined;
  const failed = condition(job, 'Failed');
  return { done: false, reason: failed?.message ?? failed?.reason ?? 'the job failed' };
}

async function jobLogTail(client: KubeClient, namespace: string, jobName: string): Promise<string[]> {
  const newest = podsOfJob((await client.list(KINDS.Pod, { namespace })).items, jobName)[0];
  return newest?.metadata?.name ? client.logTail(namespace, newest.metadata.name, 10) : [];
}

export interface ResetOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  generate?: () => string;
}

/**
 * New password → Secret → Job that applies it → Job removed. If the Job does not succeed the
 * previous password goes back into the Secret, so what `reveal` shows still logs in.
 */
export async function resetAdminPassword(
  client: KubeClient,
  strategy: StoreStrategy,
  ctx: StoreContext,
  options: ResetOptions = {},
): Promise<Result<Credentials>> {
  const { namespace } = ctx;
  const previous = await revealAdminPassword(client, ctx, strategy);
  if (!previous.ok) return previous;
  const password = (options.generate ?? generatePassword)();
  const node = await appPodNode(client, namespace, strategy.appDeployment);
  const jobName = `${PASSWORD_RESET_JOB_PREFIX}-${randomUUID().slice(0, 8)}`;
  await writePassword(client, namespace, strategy, password);
  let outcome: JobOutcome;
  try {
    await client.apply(strategy.passwordResetJob(ctx, node, jobName));
    const timeoutMs = options.timeoutMs ?? PASSWORD_RESET_TIMEOUT_MS;
    outcome = await watchUntil(
      client,
      { job: { kind: KINDS.Job, scope: { namespace, name: jobName } } },
      ({ job }) => jobOutcome(job[0]),
      {
        timeoutMs,
        signal: options.signal,
        what: `job ${jobName} to finish`,
      },
    ).catch((error: unknown) => ({
      done: false as const,
      reason: error instanceof Error ? error.message : String(error),
    }));
    if (!outcome.done) {
      const tail = await jobLogTail(client, namespace, jobName).catch(() => []);
      if (tail.length > 0)
        outcome = { done: false, reason: `${outcome.reason}; last log lines: ${tail.join(' | ')}` };
    }
  } catch (error) {
    outcome = { done: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await client
      .remove(KINDS.Job, namespace, jobName, { propagationPolicy: 'Background' })
      .catch(() => false);
  }
  if (outcome.done) return ok({ username: adminUser(strategy, ctx), password });
  await writePassword(client, namespace, strategy, previous.value.password);
  return err(
    'internal',
    `Password reset failed (${outcome.reason}); the previous password is still in effect`,
  );
}
