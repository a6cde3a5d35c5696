// Open database connections of the UI and CLI: each a loopback port forwarded to a store's
// database pod, kept until its owner closes it (tab closed, Ctrl-C), the store is deleted, or
// the app quits. Nothing of it is persisted: a forward is only as alive as this process.
import { randomUUID } from 'node:crypto';
import { err, ok, type ResponseOf, type Result } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { KINDS } from '../../kube/kinds';
import { startPortForward, type PortForwardHandle } from '../../kube/port-forward';
import { appPod } from '../app-node';
import type { DatabaseAccess } from '../strategies/strategy';

type Opened = ResponseOf<'openDatabase'>;

export class DatabaseForwards {
  private readonly open = new Map<string, { storeId: string; handle: PortForwardHandle }>();

  async start(
    client: KubeClient,
    store: { id: string; namespace: string },
    db: DatabaseAccess,
  ): Promise<Result<Opened>> {
    const pod = await appPod(client, store.namespace, db.deployment);
    if (!pod?.metadata?.name)
      return err('invalid_state', `The ${db.engine} pod is not ready; wait until the store is Ready`);
    const secret = await client.get(KINDS.Secret, store.namespace, db.secretName);
    const encoded = (secret?.data as Record<string, string> | undefined)?.[db.passwordKey];
    if (!encoded) return err('not_found', `Secret ${db.secretName} has no ${db.passwordKey}`);
    const handle = await startPortForward(client.kubeConfig, {
      namespace: store.namespace,
      pod: pod.metadata.name,
      port: db.port,
    });
    const forwardId = randomUUID();
    this.open.set(forwardId, { storeId: store.id, handle });
    return ok({
      forwardId,
      engine: db.engine,
      host: handle.host,
      port: handle.port,
      database: db.database,
      user: db.user,
      password: Buffer.from(encoded, 'base64').toString('utf8'),
      pod: pod.metadata.name,
    });
  }

  /** Idempotent: closing a forward that is already gone is not an error. */
  async stop(forwardId: string): Promise<void> {
    const entry = this.open.get(forwardId);
    this.open.delete(forwardId);
    await entry?.handle.close();
  }

  /** The pod side's last complaint, e.g. nothing listening yet; null while all is well. */
  status(forwardId: string): { connections: number; lastError: string | null } | null {
    const entry = this.open.get(forwardId);
    return entry ? { connections: entry.handle.connections(), lastError: entry.handle.lastError() } : null;
  }

  async stopStore(storeId: string): Promise<void> {
    for (const [id, entry] of this.open) if (entry.storeId === storeId) await this.stop(id);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.stop(id)));
  }
}
