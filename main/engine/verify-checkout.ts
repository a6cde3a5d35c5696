// The pass's last step before Ready: the plan's checkout check (a test order placed through the
// store's own storefront API and removed again), run once per store — success is recorded on
// the Namespace, so drift passes over a Ready store never place orders. Off in settings: skipped.
// Its requests reach a Ready pod behind the plan's Service over one port-forward (pod-http.ts):
// one API request for the whole check, and no NetworkPolicy in the way on any node.
import type { KubeClient } from '../kube/client';
import type { ApiObject } from '../kube/kube-object';
import { openPodHttp } from '../kube/pod-http';
import { SIDE_FIELD_MANAGERS } from '../kube/field-managers';
import { checkoutEndpoint } from './checkout-endpoint';
import { ANNOTATION } from './model/labels';
import { markNamespace, namespaceMarked } from './namespace-marks';
import { revealAdminPassword } from './operations/password';
import { StepFailure } from './step-failure';
import type { StoreContext, StoreStrategy } from './strategies/strategy';
import type { Timeline } from './store-writer';

export const CHECKOUT_STEP = 'checkout';
const CHECKOUT_VERIFIED_MESSAGE = 'Checkout verified (test order placed and removed)';
/** Each request of the check; the Store API answers in well under a second. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface CheckoutStepOptions {
  enabled: boolean;
  generation: number;
  /** Per request (default 20 s), never past the overall limit. */
  requestTimeoutMs?: number;
  /** Recorded on the Namespace already (then nothing is placed again). */
  alreadyVerified: boolean;
  /** What is left of the attempt's overall limit. */
  remainingMs: number;
  /** The namespace's pods as the store's watch cache holds them. */
  pods: ApiObject[];
}

/** Whether the Namespace (as read when the attempt claimed it) says the check already passed. */
export function checkoutRecorded(namespace: ApiObject | null): boolean {
  return namespaceMarked(namespace, ANNOTATION.checkoutVerified);
}

export async function verifyCheckoutStep(
  client: KubeClient,
  strategy: StoreStrategy,
  ctx: StoreContext,
  options: CheckoutStepOptions,
  timeline: Timeline,
  signal: AbortSignal,
): Promise<void> {
  const check = strategy.checkout;
  if (!check || !options.enabled || options.alreadyVerified) return;
  await timeline.step(CHECKOUT_STEP, 'Placing a test order through the store’s checkout', async () => {
    const credentials = await revealAdminPassword(client, ctx, strategy);
    if (!credentials.ok)
      throw new StepFailure(CHECKOUT_STEP, `checkout failed: ${credentials.error.message}`, 'CheckoutFailed');
    const perRequest = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    const service = strategy
      .resources(ctx)
      .find((obj) => obj.kind === 'Service' && obj.metadata.name === check.service.name);
    const endpoint = checkoutEndpoint(service, check.service.port, options.pods);
    const pod = await openPodHttp(client.kubeConfig, {
      namespace: ctx.namespace,
      pod: endpoint.pod,
      port: endpoint.port,
      host: ctx.host,
    });
    let outcome: Awaited<ReturnType<typeof check.run>>;
    try {
      outcome = await check.run({
        http: pod.http,
        admin: { user: credentials.value.username, password: credentials.value.password },
        timeoutMs: Math.max(1, Math.min(perRequest, options.remainingMs)),
        signal,
      });
    } finally {
      await pod.close();
    }
    if (signal.aborted) throw new Error('aborted');
    if (!outcome.ok)
      throw new StepFailure(CHECKOUT_STEP, `checkout failed: ${outcome.reason}`, 'CheckoutFailed');
    await markNamespace(
      client,
      {
        namespace: ctx.namespace,
        annotation: ANNOTATION.checkoutVerified,
        generation: options.generation,
        fieldManager: SIDE_FIELD_MANAGERS.checkout,
      },
      signal,
    );
    return { value: undefined, message: `${CHECKOUT_VERIFIED_MESSAGE}: ${outcome.message}`, notable: true };
  });
}
