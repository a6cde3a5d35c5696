// One KubeClient per cluster context, made on first use from the kubeconfig (KUBECONFIG or the
// given path), so every store talks to the context it was created in.
import { loadKubeConfig } from './kubeconfig';
import { toContextInfo } from './contexts';
import { KubeClient } from './client';
import type { RetryOptions } from './retry';
import type { KubeconfigOptions } from './kubeconfig';

export class ClientPool {
  private readonly clients = new Map<string, KubeClient>();

  constructor(
    private readonly kubeconfigPath: string | null = null,
    private readonly options: { retry?: RetryOptions; kubeconfig?: KubeconfigOptions } = {},
  ) {}

  /** The client for a context; throws with a plain message when the context is unusable. */
  clientFor(context: string): KubeClient {
    const cached = this.clients.get(context);
    if (cached) return cached;
    const loaded = loadKubeConfig(this.kubeconfigPath, context, this.options.kubeconfig);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const client = new KubeClient(loaded.value, this.options.retry);
    this.clients.set(context, client);
    return client;
  }

  /** Forgets every client, so the next call reads the kubeconfig again (new CA, rotated credentials). */
  reload(): void {
    this.clients.clear();
  }

  /** Drops a context's client: its cluster was re-created (new credentials) or deleted. */
  forget(context: string): void {
    this.clients.delete(context);
  }

  /** Local clusters get <slug>.localhost hosts. */
  isLocal(context: string): boolean {
    const client = this.clientFor(context);
    return toContextInfo(client.kubeConfig, context)?.isLocal ?? false;
  }
}
