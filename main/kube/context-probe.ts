// One quick look at whether a context's API server answers, bounded at 5 s and without the
// client's retries, so onboarding and `cluster status` can say "unreachable" or "credentials
// refused" in one sentence instead of hanging or showing a raw error.
import { VersionApi, type KubeConfig } from '@kubernetes/client-node';
import { classifyError } from './errors';

const PROBE_TIMEOUT_MS = 5_000;

export type ProbeResult =
  | { ok: true; version: string }
  | { ok: false; reason: 'unreachable' | 'unauthorized' | 'forbidden' | 'error'; message: string };

export async function probeContext(
  kubeConfig: KubeConfig,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeResult> {
  const context = kubeConfig.getCurrentContext();
  const server = kubeConfig.getCurrentCluster()?.server ?? 'the API server';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('timeout'), { code: 'PROBE_TIMEOUT' })),
      timeoutMs,
    );
  });
  try {
    const version = await Promise.race([kubeConfig.makeApiClient(VersionApi).getCode(), timeout]);
    return { ok: true, version: version.gitVersion };
  } catch (error) {
    if ((error as { code?: string }).code === 'PROBE_TIMEOUT')
      return {
        ok: false,
        reason: 'unreachable',
        message: `Context "${context}": ${server} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} (is the cluster running?)`,
      };
    const classified = classifyError(error);
    if (classified.status === 401)
      return {
        ok: false,
        reason: 'unauthorized',
        message: `Context "${context}": ${server} refused its credentials (HTTP 401) — they may have expired; refresh this kubeconfig entry (for Kind: kind export kubeconfig)`,
      };
    if (classified.status === 403)
      return {
        ok: false,
        reason: 'forbidden',
        message: `Context "${context}": ${server} accepted the credentials but refused access (HTTP 403)`,
      };
    if (classified.status === null)
      return {
        ok: false,
        reason: 'unreachable',
        message: `Context "${context}": cannot reach ${server} (${classified.reason ?? classified.message})`,
      };
    return {
      ok: false,
      reason: 'error',
      message: `Context "${context}": ${server} answered: ${classified.message}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
