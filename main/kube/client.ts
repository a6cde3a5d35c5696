// One cluster context's API access: the typed clients for callers that want them, and the few
// generic verbs the engine uses (server-side apply, get, list, delete, log tail), each retried.
import {
  AppsV1Api,
  AuthorizationV1Api,
  BatchV1Api,
  CoreV1Api,
  NetworkingV1Api,
  PatchStrategy,
  StorageV1Api,
  Watch,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { FIELD_MANAGER } from './field-managers';
import { shareKeepAliveAgent } from './keep-alive-agent';
import { isConflict, isNotFound } from './errors';
import { ObjectApi } from './object-api';
import { collectionPath, type KindRef } from './kinds';
import { withRetry, type RetryOptions } from './retry';
import type { ApiObject, KubeObject } from './kube-object';
import { toModel, toWire } from './wire';

export interface ListResult {
  items: ApiObject[];
  resourceVersion: string;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** The pods/log query options Storedeck uses (kubectl logs --tail, --previous, --timestamps). */
export interface LogReadOptions {
  container?: string;
  tailLines?: number;
  previous?: boolean;
  timestamps?: boolean;
}

export class KubeClient {
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly batch: BatchV1Api;
  readonly networking: NetworkingV1Api;
  readonly storage: StorageV1Api;
  readonly authorization: AuthorizationV1Api;
  readonly objects: ObjectApi;
  readonly watcher: Watch;

  /** Closes the shared connections (idle ones never hold the process; this ends them all). */
  readonly close: () => void;

  constructor(
    readonly kubeConfig: KubeConfig,
    readonly retryOptions: RetryOptions = {},
  ) {
    this.close = shareKeepAliveAgent(kubeConfig);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.apps = kubeConfig.makeApiClient(AppsV1Api);
    this.batch = kubeConfig.makeApiClient(BatchV1Api);
    this.networking = kubeConfig.makeApiClient(NetworkingV1Api);
    this.storage = kubeConfig.makeApiClient(StorageV1Api);
    this.authorization = kubeConfig.makeApiClient(AuthorizationV1Api);
    this.objects = ObjectApi.forConfig(kubeConfig);
    this.watcher = new Watch(kubeConfig);
  }

  /** Runs one API call with this client's retry policy (transient errors retried, KubeError thrown). */
  call<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withRetry(fn, { ...this.retryOptions, signal: signal ?? this.retryOptions.signal });
  }

  /**
   * Server-side apply as field manager `storedeck`, forced: we own these objects, so fields a
   * person changed by hand are taken back (that is the drift repair).
   */
  async apply(
    obj: KubeObject,
    options: { fieldManager?: string; signal?: AbortSignal } = {},
  ): Promise<ApiObject> {
    const manager = options.fieldManager ?? FIELD_MANAGER;
    const result = await this.call(
      // Handed over as a typed model: the client serialises through the models, which rename fields.
      () =>
        this.objects.patch(
          toModel(obj) as KubernetesObject,
          undefined,
          undefined,
          manager,
          true,
          PatchStrategy.ServerSideApply,
        ),
      options.signal,
    );
    return toWire(result, obj.apiVersion, obj.kind);
  }

  /**
   * Creates an object (POST): 409 AlreadyExists when one of that name is there. Unlike apply it
   * never writes into an object someone else made, which is how a namespace is first claimed.
   */
  async create(obj: KubeObject, signal?: AbortSignal): Promise<ApiObject> {
    const created = await this.call(
      () => this.objects.create(toModel(obj) as KubernetesObject, undefined, undefined, FIELD_MANAGER),
      signal,
    );
    return toWire(created, obj.apiVersion, obj.kind);
  }

  /** Creates the object unless one of that name exists (409): true when this call created it. */
  async createIfAbsent(obj: KubeObject, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.call(
        () => this.objects.create(toModel(obj) as KubernetesObject, undefined, undefined, FIELD_MANAGER),
        signal,
      );
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  /** The object, or null when it does not exist. */
  async get(
    kind: KindRef,
    namespace: string | undefined,
    name: string,
    signal?: AbortSignal,
  ): Promise<ApiObject | null> {
    try {
      const spec = {
        apiVersion: kind.apiVersion,
        kind: kind.kind,
        metadata: { name, namespace: kind.namespaced ? namespace : undefined },
      };
      return toWire(await this.call(() => this.objects.read(spec), signal), kind.apiVersion, kind.kind);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async list(kind: KindRef, options: ListOptions = {}, signal?: AbortSignal): Promise<ListResult> {
    const namespace = kind.namespaced ? options.namespace : undefined;
    const list = await this.call(
      () =>
        this.objects.list(
          kind.apiVersion,
          kind.kind,
          namespace,
          undefined,
          undefined,
          undefined,
          options.fieldSelector,
          options.labelSelector,
        ),
      signal,
    );
    const items = (list.items ?? []).map((item) => ({
      apiVersion: kind.apiVersion,
      kind: kind.kind,
      ...toWire(item, kind.apiVersion, kind.kind),
    }));
    return { items, resourceVersion: list.metadata?.resourceVersion ?? '' };
  }

  /** Deletes an object; false when it was already gone. */
  async remove(
    kind: KindRef,
    namespace: string | undefined,
    name: string,
    options: {
      propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
      /** DeleteOptions.preconditions: the server refuses (409) unless the object still has this uid. */
      uid?: string;
      signal?: AbortSignal;
    } = {},
  ): Promise<boolean> {
    const spec = {
      apiVersion: kind.apiVersion,
      kind: kind.kind,
      metadata: { name, namespace: kind.namespaced ? namespace : undefined },
    };
    try {
      await this.call(
        () =>
          this.objects.delete(
            spec,
            undefined,
            undefined,
            undefined,
            undefined,
            options.propagationPolicy,
            options.uid ? { preconditions: { uid: options.uid } } : undefined,
          ),
        options.signal,
      );
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** The last `lines` lines of a container's log ([] when the pod is gone). */
  logTail(
    namespace: string,
    pod: string,
    lines: number,
    container?: string,
    signal?: AbortSignal,
  ): Promise<string[]> {
    return this.readLog(namespace, pod, { tailLines: lines, container }, signal);
  }

  /** A container's log as lines, with the pods/log options ([] when the pod is gone). */
  async readLog(
    namespace: string,
    pod: string,
    options: LogReadOptions,
    signal?: AbortSignal,
  ): Promise<string[]> {
    try {
      const text = await this.call(
        () =>
          this.core.readNamespacedPodLog({
            name: pod,
            namespace,
            container: options.container,
            tailLines: options.tailLines,
            ...(options.previous ? { previous: true } : {}),
            ...(options.timestamps ? { timestamps: true } : {}),
          }),
        signal,
      );
      return String(text)
        .split('\n')
        .filter((line, index, all) => line.length > 0 || index < all.length - 1);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  /** REST path of a kind's collection (what a Watch is opened on). */
  pathOf(kind: KindRef, namespace?: string): string {
    return collectionPath(kind, namespace);
  }
}
