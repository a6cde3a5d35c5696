// THE typed contract between the UI and main. Every request channel has a zod request schema
// and response schema; every event stream has a payload schema. Main validates every request
// against it; the preload, the web host and the renderer are all built from its keys.
// Results cross the boundary as values, never as throws.
import { z } from 'zod';
import {
  PlanSchema,
  wholeBetween,
  StoreSchema,
  TimelineEventSchema,
  AuditEntrySchema,
  ContextInfoSchema,
  StoreHealthSchema,
  PreflightSchema,
  SettingsSchema,
  LogTargetSchema,
  LogsSchema,
  StoreSummarySchema,
  LiveStatusSchema,
  PlanInfoSchema,
  RestartComponentSchema,
  ContextHealthSchema,
  zodMessage,
} from './domain.schema';
import { BackupProgressSchema, HostPathSchema } from './backup.schema';
import {
  ClusterProgressSchema,
  ClusterStatusSchema,
  CreateLocalClusterSchema,
  KindClusterNameSchema,
} from './cluster.schema';

// ---------- Results ----------
const ERROR_CODES = [
  'invalid_request', // payload failed validation
  'not_found',
  'conflict', // e.g. a store with that name already exists in this context
  'limit_reached', // per-context store limit
  'not_available', // e.g. a plan that is not built yet
  'no_context', // no cluster context selected / kubeconfig missing
  'cluster_unreachable',
  'forbidden',
  'invalid_state', // e.g. retry on a store that is not Failed
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
const ErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type ContractError = z.infer<typeof ErrorSchema>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});

// ---------- Domain (preload/domain.schema.ts) ----------
export * from './domain.schema';
export * from './steps';
export * from './cluster.schema';
export * from './store-address';
export * from './backup.schema';

// ---------- Requests ----------
const Empty = z.object({}).strict();
const ById = z.object({ id: z.string().min(1).max(64) }).strict();

/** Store names: 1–40 printable characters (no control characters). */
export const StoreNameSchema = z
  .string()
  .trim()
  .min(1, 'Store name is required')
  .max(40, 'Store name must be at most 40 characters')
  .regex(/^[^\p{C}]+$/u, 'Store name must contain only printable characters');

const CreateStoreSchema = z
  .object({
    name: StoreNameSchema,
    adminEmail: z.email('Admin email must be a valid email address').max(254),
    plan: PlanSchema.default('woocommerce'),
  })
  .strict();

export const requests = {
  getAppInfo: {
    request: Empty,
    response: z.object({
      version: z.string(),
      mode: z.enum(['desktop', 'web']),
      context: z.string().nullable(),
      kubeconfigPath: z.string().nullable(),
      /** The saved theme, so the first paint needs no extra request. */
      theme: SettingsSchema.shape.theme,
      /** Whether the current context answers (null until first checked). */
      contextHealth: ContextHealthSchema.nullable(),
      /** True when the cluster is Storedeck's simulator (`npm run demo`): nothing real is created. */
      simulated: z.boolean().optional(),
      /** The engine's plans (what listPlans answers), so the page load needs no request for them. */
      plans: z.array(PlanInfoSchema),
    }),
  },
  /** Reads the kubeconfig file again (it is also re-read when the file changes). */
  reloadKubeconfig: { request: Empty, response: z.object({ contexts: z.number() }) },
  listContexts: {
    request: Empty,
    response: z.object({ current: z.string().nullable(), contexts: z.array(ContextInfoSchema) }),
  },
  selectContext: {
    request: z.object({ name: z.string().min(1).max(253) }).strict(),
    response: ContextInfoSchema,
  },
  runPreflight: { request: Empty, response: PreflightSchema },
  /** The plans the engine has: each one's components and capabilities, from its strategy. */
  listPlans: { request: Empty, response: z.array(PlanInfoSchema) },
  listStores: { request: Empty, response: z.array(StoreSummarySchema) },
  getStore: { request: ById, response: StoreSchema },
  createStore: { request: CreateStoreSchema, response: StoreSchema },
  /** What decides the current context's store URLs, so the create dialog previews slug and URL as the engine will. */
  getStoreAddressRule: {
    request: Empty,
    response: z.object({
      context: z.string(),
      isLocal: z.boolean(),
      baseDomain: z.string().nullable(),
      httpPort: z.number().int().nullable(),
    }),
  },
  deleteStore: { request: ById, response: StoreSchema },
  /** Starts a Failed store again; with useCurrentSettings its frozen settings are replaced by the context's. */
  retryStore: {
    request: z.object({ id: z.string().min(1).max(64), useCurrentSettings: z.boolean().optional() }).strict(),
    response: StoreSchema,
  },
  /** Compares a Ready store with the cluster now and repairs any drift (a deleted or edited object). */
  reconcileStore: { request: ById, response: StoreSchema },
  restartStore: {
    request: z.object({ id: z.string().min(1).max(64), component: RestartComponentSchema }).strict(),
    response: z.object({ restarted: z.array(z.string()) }),
  },
  resetAdminPassword: { request: ById, response: z.object({ username: z.string(), password: z.string() }) },
  revealAdminPassword: { request: ById, response: z.object({ username: z.string(), password: z.string() }) },
  /** A one-time link (valid 60 s, single use) that opens the store's admin already signed in. */
  createAdminLogin: { request: ById, response: z.object({ url: z.url(), expiresAt: z.string() }) },
  /** Forwards a loopback port to the store's database; open until closeDatabase or app exit. */
  openDatabase: {
    request: ById,
    response: z.object({
      forwardId: z.string(),
      engine: z.enum(['mysql', 'postgresql']),
      host: z.string(),
      port: z.number().int(),
      database: z.string(),
      user: z.string(),
      password: z.string(),
      pod: z.string(),
    }),
  },
  closeDatabase: { request: z.object({ forwardId: z.string().min(1).max(64) }).strict(), response: Empty },
  /** Whether an open forward still works (the pod side's last error, connections served). */
  databaseStatus: {
    request: z.object({ forwardId: z.string().min(1).max(64) }).strict(),
    response: z.object({
      open: z.boolean(),
      connections: z.number().int(),
      lastError: z.string().nullable(),
    }),
  },
  /** Runs one WP-CLI command in the store; its output arrives as wpCliOutput events. */
  runWpCli: {
    request: z
      .object({
        id: z.string().min(1).max(64),
        args: z
          .array(z.string().max(4096, 'Each WP-CLI argument must be at most 4096 characters'))
          .min(1, 'Give a WP-CLI command, e.g. plugin list')
          .max(64, 'At most 64 WP-CLI arguments'),
      })
      .strict(),
    response: z.object({ runId: z.string() }),
  },
  /**
   * Starts a backup of the store into one archive file (default: the backups folder); progress
   * and the outcome arrive as backupProgress events.
   */
  backupStore: {
    request: z.object({ id: z.string().min(1).max(64), path: HostPathSchema.optional() }).strict(),
    response: z.object({ operationId: z.string(), path: z.string() }),
  },
  /** Starts a new store from an archive (checked before anything is created); backupProgress events follow. */
  restoreStore: {
    request: z
      .object({
        archive: HostPathSchema,
        name: StoreNameSchema,
        adminEmail: z.email('Admin email must be a valid email address').max(254).optional(),
      })
      .strict(),
    response: z.object({ operationId: z.string() }),
  },
  /** Starts a copy of the store as a new store (backup + restore, streamed, no file). */
  cloneStore: {
    request: z
      .object({
        id: z.string().min(1).max(64),
        name: StoreNameSchema,
        adminEmail: z.email('Admin email must be a valid email address').max(254).optional(),
      })
      .strict(),
    response: z.object({ operationId: z.string() }),
  },
  /** Whether the user may run commands in the store's pods (pods/exec): tools that need it say so when not. */
  getToolAccess: {
    request: ById,
    response: z.object({ exec: z.object({ allowed: z.boolean(), reason: z.string().nullable() }) }),
  },
  /** Stops a running backup, restore or clone (its last backupProgress event says so). */
  cancelBackupOperation: {
    request: z.object({ operationId: z.string().min(1).max(64) }).strict(),
    response: Empty,
  },
  /** Desktop: a file dialog for the archive to restore (null: cancelled). The web host uploads instead. */
  chooseRestoreArchive: { request: Empty, response: z.object({ path: z.string().nullable() }) },
  listEvents: { request: ById, response: z.array(TimelineEventSchema) },
  getHealth: { request: ById, response: StoreHealthSchema },
  getLogs: { request: LogTargetSchema.strict(), response: LogsSchema },
  startLogFollow: { request: LogTargetSchema.strict(), response: z.object({ subscriptionId: z.string() }) },
  stopLogFollow: {
    request: z.object({ subscriptionId: z.string().min(1).max(64) }).strict(),
    response: Empty,
  },
  listAudit: {
    request: z.object({ limit: wholeBetween('Limit', 1, 1000).default(200) }).strict(),
    response: z.array(AuditEntrySchema),
  },
  getSettings: { request: Empty, response: SettingsSchema },
  updateSettings: { request: SettingsSchema.partial().strict(), response: SettingsSchema },
  /** Docker, kind, the local clusters and whether the kubeconfig offers a usable context. */
  getClusterStatus: { request: Empty, response: ClusterStatusSchema },
  /** Starts creating (or reusing) a local Kind cluster; progress arrives as clusterProgress events. */
  createLocalCluster: { request: CreateLocalClusterSchema, response: z.object({ operationId: z.string() }) },
  cancelClusterOperation: {
    request: z.object({ operationId: z.string().min(1).max(64) }).strict(),
    response: Empty,
  },
  /** Deletes a local Kind cluster (and its context); resolves when it is gone. */
  deleteLocalCluster: {
    request: z.object({ name: KindClusterNameSchema }).strict(),
    response: z.object({ operationId: z.string() }),
  },
  /** Downloads the pinned, checksummed kind release into the data dir. */
  downloadKind: { request: Empty, response: z.object({ path: z.string(), version: z.string() }) },
  /** Opens an http(s) store URL in the system browser (desktop); the web host refuses it. */
  openExternal: { request: z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(), response: Empty },
} as const;

export type RequestName = keyof typeof requests;
export type RequestOf<K extends RequestName> = z.input<(typeof requests)[K]['request']>;
export type ParsedRequestOf<K extends RequestName> = z.output<(typeof requests)[K]['request']>;
export type ResponseOf<K extends RequestName> = z.output<(typeof requests)[K]['response']>;
export const REQUEST_NAMES = Object.keys(requests) as RequestName[];

// ---------- Event streams ----------
export const events = {
  storeChanged: StoreSchema,
  storeRemoved: z.object({ id: z.string() }),
  timelineEvent: TimelineEventSchema,
  liveStatus: LiveStatusSchema,
  contextHealth: ContextHealthSchema,
  logLines: z.object({ subscriptionId: z.string(), lines: z.array(z.string()), ended: z.boolean() }),
  clusterProgress: ClusterProgressSchema,
  /** Output of a runWpCli command as it comes; the last one has done: true and the exit code. */
  wpCliOutput: z.object({
    runId: z.string(),
    stream: z.enum(['stdout', 'stderr']),
    text: z.string(),
    done: z.boolean(),
    exitCode: z.number().int().nullable(),
  }),
  /** A backup, restore or clone as it goes: the phase, its bytes and ETA; the last has done: true. */
  backupProgress: BackupProgressSchema.extend({ error: ErrorSchema.nullable() }),
} as const;

export type EventName = keyof typeof events;
export type EventOf<K extends EventName> = z.output<(typeof events)[K]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

// ---------- Transport names (IPC and web host) ----------
export const ipcChannel = (name: RequestName): string => `storedeck:${name}`;
export const ipcEventChannel = (name: EventName): string => `storedeck:event:${name}`;

// ---------- The API surface the renderer sees (window.storedeck or the web client) ----------
export type StoredeckApi = {
  [K in RequestName]: (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>>;
} & {
  on: { [K in EventName]: (listener: (payload: EventOf<K>) => void) => () => void };
};

/** Validates a raw payload for a channel; a malformed one yields an invalid_request error value. */
export function parseRequest<K extends RequestName>(name: K, raw: unknown): Result<ParsedRequestOf<K>> {
  const parsed = requests[name].request.safeParse(raw ?? {});
  if (parsed.success) return ok(parsed.data as ParsedRequestOf<K>);
  return err('invalid_request', zodMessage(parsed.error, 'invalid request'));
}

export function isRequestName(name: string): name is RequestName {
  return Object.prototype.hasOwnProperty.call(requests, name);
}
