// A StoreStrategy is everything plan-specific: the desired objects (pure builders), what
// "ready" means, and how to explain a failure in plain language. The reconciler is generic.
import type { Plan, Result, StepId } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import type { StoreHttp } from '../../kube/http-exchange';
import type { KubeObject } from '../../kube/kube-object';
import type { PlanComponent } from './plan-component';

/** What the builders need to know about one store and the cluster it lands on. */
export interface StoreContext {
  id: string;
  name: string;
  slug: string;
  namespace: string;
  adminEmail: string;
  /** Full host name of the store, e.g. "shop.localhost" or "shop.stores.example.com". */
  host: string;
  /**
   * Scheme, host and port the store is reached at, e.g. "http://shop.localhost:8080": the port
   * appears whenever the ingress is not on host port 80, and WordPress's home/siteurl must
   * equal it exactly (WordPress redirects any other port away).
   */
  origin: string;
  /** IngressClass to use (null: let the cluster default decide). */
  ingressClassName: string | null;
  /** Which controller serves that class: decides annotations such as body size. */
  ingressController: 'traefik' | 'nginx' | 'other';
  /** Namespace the ingress controller's pods run in (the NetworkPolicy admits it). */
  ingressControllerNamespace: string;
  /** Labels the controller's pods were found by (null: unknown, any pod of its namespace is admitted). */
  ingressControllerPodLabels?: Record<string, string> | null;
  /** StorageClass for the PVCs (null: the cluster's default class). */
  storageClassName: string | null;
  /** Registry prefix for images, e.g. "registry.local:5000" (null: Docker Hub). */
  imageRegistry: string | null;
}

/** Secret material, generated once per store with crypto and then only read back from the cluster. */
export type SecretMaterial = Record<string /* secret name */, Record<string /* key */, string>>;

/** One observed snapshot of a store namespace, used for diagnosis. Plain API objects. */
export interface ObservedState {
  pods: KubeObject[];
  pvcs: KubeObject[];
  events: KubeObject[];
  deployments: KubeObject[];
  jobs: KubeObject[];
  storageClasses: KubeObject[];
  /** Last lines of the setup job's pod log when it failed. */
  setupLogTail?: string[];
}

export interface Diagnosis {
  /** Step the failure belongs to, e.g. "wait-mysql", "setup". */
  step: StepId;
  /** Short machine-friendly cause: ImagePullBackOff | CrashLoopBackOff | PvcPending | QuotaExceeded | JobFailed | Timeout | ... */
  cause: string;
  /** Plain-language reason for the user, naming the object and what to do. */
  message: string;
  /** Terminal: waiting longer will not help (the store is marked Failed now, not at the timeout). */
  terminal: boolean;
}

/** What a checkout check gets: HTTP to a Ready pod behind the store's own Service, and the admin's credentials. */
export interface CheckoutCheckAccess {
  http: StoreHttp;
  admin: { user: string; password: string };
  timeoutMs: number;
  signal?: AbortSignal;
}

/** A plan's "Ready means it sells" check: a test order placed and removed, or why it failed. */
export interface CheckoutCheck {
  /** The Service (and port name) a shopper's requests reach, as the ingress routes them. */
  readonly service: { name: string; port: string };
  run(access: CheckoutCheckAccess): Promise<{ ok: true; message: string } | { ok: false; reason: string }>;
}

export interface StoreStrategy {
  readonly plan: Plan;
  /** The plan's name as users know it, e.g. "WooCommerce". */
  readonly label: string;
  /** The store's running parts that health, logs and restarts name; the first is where logs open. */
  readonly components: readonly [PlanComponent, ...PlanComponent[]];
  /** Fresh random secret material (crypto.randomBytes); applied only when the Secrets are absent. */
  newSecrets(ctx: StoreContext): SecretMaterial;
  /** Secrets built from material (the one place secret objects are shaped). */
  secrets(ctx: StoreContext, material: SecretMaterial): KubeObject[];
  /** Everything else but the setup job, in apply order (Namespace first). All applied together. */
  resources(ctx: StoreContext): KubeObject[];
  /** Deployments that must be Available before setup runs (true dependencies only). */
  readonly awaitedDeployments: readonly string[];
  /** The setup Job, pinned to the node the given pod runs on (ReadWriteOnce volume). */
  setupJob(ctx: StoreContext, nodeName: string | null): KubeObject;
  readonly setupJobName: string;
  /** What the setup Job does, as the timeline says it ("Installing WordPress and WooCommerce"). */
  readonly setupMessage: string;
  /** Where the admin credentials live. */
  readonly adminCredentials: {
    /** The admin's user name; absent: the admin signs in with the store's admin email. */
    user?: string;
    secretName: string;
    passwordKey: string;
  };
  /**
   * A Job that applies the admin password currently in the Secret to the app (WP-CLI reads it
   * through secretKeyRef, so it never appears in a command line). The official WordPress image
   * has no wp binary, hence a Job on the CLI image rather than an exec. Pinned like setupJob.
   */
  passwordResetJob(ctx: StoreContext, nodeName: string | null, jobName: string): KubeObject;
  /** The ResourceQuota that caps the store (health reports its use). */
  readonly quotaName: string;
  /** The deployment whose pod holds the ReadWriteOnce app volume (jobs are pinned to its node). */
  readonly appDeployment: string;
  /** URLs shown to the user. */
  urls(ctx: StoreContext): { url: string; adminUrl: string };
  /** Plain-language diagnosis of what blocks the store right now, or null if nothing is wrong yet. */
  diagnose(observed: ObservedState): Diagnosis | null;
  /** Checkout verified before Ready (absent: the plan has no such check yet). */
  readonly checkout?: CheckoutCheck;
  /** How WP-CLI commands reach the store (plans without WP-CLI leave it out). */
  readonly wpCli?: WpCliAccess;
  /** The store's database as a desktop client connects to it (through a port forward). */
  readonly database?: DatabaseAccess;
  /** How a store's data is dumped and loaded for backup, restore and clone (absent: not available). */
  readonly backup?: BackupAccess;
  /** A one-time link that opens the admin already signed in (plans without one leave it out). */
  adminLogin?(client: KubeClient, store: AdminLoginTarget, signal?: AbortSignal): Promise<Result<AdminLogin>>;
}

export interface WpCliAccess {
  /** The console pod for the store, pinned to the node given. */
  pod(ctx: StoreContext, nodeName: string | null): KubeObject;
  podName: string;
  container: string;
  /** Whose node the pod is pinned to (the app volume is ReadWriteOnce). */
  appDeployment: string;
}

export interface DatabaseAccess {
  engine: 'mysql' | 'postgresql';
  /** The Deployment (or StatefulSet-less app) whose ready pod serves the database. */
  deployment: string;
  port: number;
  database: string;
  user: string;
  secretName: string;
  passwordKey: string;
}

export interface BackupAccess {
  /** The MySQL server's pod (by Deployment) and container, and where its env keeps the facts. */
  database: {
    deployment: string;
    container: string;
    /** Env var of that container holding the root password (read by the shell, never in argv). */
    rootPasswordEnv: string;
    /** Env var of that container naming the app's database. */
    databaseEnv: string;
  };
  /** The app's files: a directory in the app pod and the members of it that are the site's own. */
  files: { deployment: string; container: string; dir: string; members: string[] };
  /** The admin account whose password is set from the new store's Secret after a restore. */
  adminUser: string;
}

export interface AdminLoginTarget {
  namespace: string;
  /** The store URL the link is built on (the browser must reach it). */
  url: string;
  /** The admin the link signs in, for plans whose admin logs in with an email. */
  adminEmail: string;
}

export interface AdminLogin {
  url: string;
  expiresAt: string;
}
