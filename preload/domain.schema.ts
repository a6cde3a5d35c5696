// The domain shapes the contract speaks in: stores, timeline events, audit entries, contexts,
// health, preflight, settings, logs. Part of THE contract; import them from preload/contract.ts.
import { z } from 'zod';
import { ALL_COMPONENTS } from '../main/engine/strategies/plan-component';
import { COMPONENT_NAMES, PLAN_COMPONENTS } from '../main/engine/strategies/plan-components';

const STORE_STATUSES = ['Queued', 'Provisioning', 'Ready', 'Failed', 'Deleting'] as const;
export const StoreStatusSchema = z.enum(STORE_STATUSES);
export type StoreStatus = z.infer<typeof StoreStatusSchema>;

/** The plans, as the strategies declare them (main/engine/strategies/plan-components.ts). */
export const PLANS = Object.keys(PLAN_COMPONENTS) as Array<keyof typeof PLAN_COMPONENTS>;
export const PlanSchema = z.enum(PLANS);
export type Plan = z.infer<typeof PlanSchema>;

/** What a restart names: "all", or a component of the store's plan (the engine checks which). */
export const RestartComponentSchema = z.enum([ALL_COMPONENTS, ...COMPONENT_NAMES]);
export type RestartComponent = z.infer<typeof RestartComponentSchema>;

const PlanComponentSchema = z.object({
  name: z.enum(COMPONENT_NAMES),
  label: z.string(),
  restartHint: z.string(),
  /** The Deployment or StatefulSet that runs it (its wait step is wait-<workload>). */
  workload: z.string(),
});
/** One plan as the strategy describes it: its components and the capabilities it has. */
export const PlanInfoSchema = z.object({
  plan: PlanSchema,
  label: z.string(),
  /** The first is where the Logs tab opens. */
  components: z.array(PlanComponentSchema),
  capabilities: z.object({
    wpCli: z.boolean(),
    database: z.boolean(),
    adminLogin: z.boolean(),
    checkout: z.boolean(),
    /** Backup, restore and clone (absent: not available). */
    backup: z.boolean().optional(),
  }),
});
export type PlanInfo = z.infer<typeof PlanInfoSchema>;

export const StoreSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  namespace: z.string(),
  status: StoreStatusSchema,
  plan: PlanSchema,
  context: z.string(),
  url: z.string().nullable(),
  adminUrl: z.string().nullable(),
  adminEmail: z.string(),
  errorStep: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
  provisionedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Store = z.infer<typeof StoreSchema>;

/** 'interrupted': a step a killed or stopped process left open, closed by the next worker. */
const EVENT_STATUSES = ['started', 'completed', 'failed', 'interrupted'] as const;
export const TimelineEventSchema = z.object({
  id: z.number(),
  storeId: z.string(),
  /** A StepId of the STEPS table (preload/steps.ts); a row written by another version may hold another. */
  step: z.string(),
  status: z.enum(EVENT_STATUSES),
  message: z.string(),
  timestamp: z.string(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/**
 * What is true of a Ready store now, observed by shared watches (not stored): Ready, Degraded
 * (a pod not ready or restarting) or Drifted (an object the store needs is missing or changed).
 */
const LIVE_STATES = ['Ready', 'Degraded', 'Drifted'] as const;
export const LiveStatusSchema = z.object({
  storeId: z.string(),
  state: z.enum(LIVE_STATES),
  /** Why, in plain words (null when Ready). */
  reason: z.string().nullable(),
  /** The objects found missing or changed ("Service/wordpress"), for Drifted. */
  drifted: z.array(z.string()),
  /** Degraded: the first pod at fault, so "Open logs" opens it. */
  pod: z.string().nullable().optional(),
  observedAt: z.string(),
});
export type LiveStatus = z.infer<typeof LiveStatusSchema>;

/** Whether a cluster context answers now; while it does not, nothing is concluded about its stores. */
export const ContextHealthSchema = z.object({
  context: z.string(),
  reachable: z.boolean(),
  message: z.string().nullable(),
  /** Since when it has been in this state. */
  since: z.string(),
  checkedAt: z.string(),
});
export type ContextHealth = z.infer<typeof ContextHealthSchema>;

/** What a store card shows, in one listStores answer: the store, its latest events, its live status. */
export const RECENT_EVENTS = 4;
export const StoreSummarySchema = StoreSchema.extend({
  recentEvents: z.array(TimelineEventSchema),
  live: LiveStatusSchema.nullable(),
});
export type StoreSummary = z.infer<typeof StoreSummarySchema>;

export const AuditEntrySchema = z.object({
  id: z.number(),
  action: z.string(),
  resource: z.string(),
  name: z.string(),
  details: z.string(),
  actor: z.string(),
  timestamp: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const ContextInfoSchema = z.object({
  name: z.string(),
  cluster: z.string(),
  server: z.string(),
  user: z.string(),
  /** Local clusters (kind, k3d, minikube, docker-desktop, loopback servers) get <slug>.localhost hosts. */
  isLocal: z.boolean(),
});
export type ContextInfo = z.infer<typeof ContextInfoSchema>;

const ResourceAmountsSchema = z.object({ cpu: z.string().nullable(), memory: z.string().nullable() });
const ContainerHealthSchema = z.object({
  name: z.string(),
  image: z.string(),
  ready: z.boolean(),
  restarts: z.number(),
  state: z.string(), // running | waiting | terminated
  reason: z.string().nullable(),
  requests: ResourceAmountsSchema,
  limits: ResourceAmountsSchema,
});
const PodHealthSchema = z.object({
  name: z.string(),
  component: z.string().nullable(),
  phase: z.string(),
  ready: z.boolean(),
  restarts: z.number(),
  startedAt: z.string().nullable(),
  uptimeSeconds: z.number().nullable(),
  node: z.string().nullable(),
  containers: z.array(ContainerHealthSchema),
});
const PvcHealthSchema = z.object({
  name: z.string(),
  phase: z.string(),
  capacity: z.string().nullable(),
  storageClass: z.string().nullable(),
});
/** One of the plan's components: how many of its pods run and are ready. */
const ComponentHealthSchema = z.object({
  name: z.string(),
  label: z.string(),
  pods: z.number(),
  ready: z.number(),
});
export const StoreHealthSchema = z.object({
  /** The plan's components in its order, each with its pods' readiness (0 of 0: none running). */
  components: z.array(ComponentHealthSchema),
  pods: z.array(PodHealthSchema),
  pvcs: z.array(PvcHealthSchema),
  quota: z
    .object({ hard: z.record(z.string(), z.string()), used: z.record(z.string(), z.string()) })
    .nullable(),
  observedAt: z.string(),
});
export type StoreHealth = z.infer<typeof StoreHealthSchema>;

const PreflightCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['ok', 'warn', 'fail']),
  detail: z.string(),
  /** What to do about a warning or failure. */
  fix: z.string().optional(),
});
export const PreflightSchema = z.object({
  context: z.string(),
  ok: z.boolean(),
  checks: z.array(PreflightCheckSchema),
});
export type Preflight = z.infer<typeof PreflightSchema>;

/** A zod failure in one plain line, "path: message" (the first issue; the one a user fixes first). */
export function zodMessage(error: z.ZodError, fallback = 'invalid value'): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? fallback}`;
}

export const wholeBetween = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max}`);

/**
 * Engine defaults (all but the delete timeout overridable in Settings): how many passes run at
 * once, how many stores a context may hold, how long provisioning may go without progress and
 * take in all (a first store on a fresh cluster pulls images and initialises MySQL: minutes),
 * and how long deletion may take.
 */
export const ENGINE_DEFAULTS = {
  concurrency: 3,
  maxStoresPerContext: 10,
  noProgressTimeoutMinutes: 10,
  provisionTimeoutMinutes: 30,
  deleteTimeoutSeconds: 120,
} as const;

/** A Kubernetes DNS-1123 subdomain, the grammar of StorageClass (and most object) names. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/**
 * What goes in front of an image name: the domain (optional port) and path components of the
 * distribution/reference grammar, e.g. registry.example.com:5000/mirror or a Docker Hub namespace.
 */
const IMAGE_REGISTRY_PREFIX =
  /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*(:[0-9]{1,5})?(\/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*\/?$/;

export const SettingsSchema = z.object({
  baseDomain: z
    .string()
    .max(200, 'Base domain must be at most 200 characters')
    .regex(
      /^(?=.{1,200}$)([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)*[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
      'Base domain must be a DNS name such as stores.example.com',
    )
    .nullable(),
  storageClass: z
    .string()
    .max(253, 'StorageClass name must be at most 253 characters')
    .regex(
      DNS_SUBDOMAIN,
      'StorageClass must be a Kubernetes object name: lowercase letters, digits, "-" and ".", such as local-path',
    )
    .nullable(),
  imageRegistry: z
    .string()
    .max(253, 'Image registry must be at most 253 characters')
    .regex(
      IMAGE_REGISTRY_PREFIX,
      'Image registry must be a registry host with an optional port and path, such as registry.example.com:5000/mirror (no https://)',
    )
    .nullable(),
  concurrency: wholeBetween('Concurrent provisions', 1, 20),
  maxStoresPerContext: wholeBetween('Max stores per context', 1, 500),
  /** A store fails after this long without progress (an image pull under way is progress). */
  noProgressTimeoutMinutes: wholeBetween('Timeout without progress (minutes)', 1, 240),
  /** ...and after this long in all, progress or not. */
  provisionTimeoutMinutes: wholeBetween('Overall provisioning limit (minutes)', 1, 1440),
  /** Ready only after a test order went through the store's checkout (and was removed). */
  verifyCheckout: z.boolean({ error: 'Checkout verification must be on or off' }),
  theme: z.enum(['system', 'dark', 'light']),
  /** Host port the ingress answers on when Storedeck did not make the cluster (null: 80). */
  ingressHttpPort: wholeBetween('Ingress HTTP port', 1, 65535).nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Quick picks for the log tail; any whole count from 1 to MAX_TAIL_LINES is accepted. */
export const TAIL_LINES = [50, 100, 200, 500] as const;
export const MAX_TAIL_LINES = 10_000;
/** A saved setup log keeps its last megabyte. */
export const MAX_SAVED_LOG_BYTES = 1024 * 1024;
export const LogTargetSchema = z.object({
  id: z.string().min(1),
  /** Pod name, or a component of the plan (or 'setup'); defaults to the plan's first component. */
  pod: z.string().max(253).optional(),
  container: z.string().max(63).optional(),
  tailLines: wholeBetween('Line count', 1, MAX_TAIL_LINES).default(100),
  /** The previous container's logs (after a restart), like kubectl logs --previous. */
  previous: z.boolean().optional(),
  /** Prefix each line with the kubelet's RFC 3339 timestamp. */
  timestamps: z.boolean().optional(),
  /** Read the log saved when the setup job finished (pod: which saved pod; default the newest). */
  saved: z.boolean().optional(),
});
/** A setup job's log kept in the store's timeline after the job (and its pod) are gone. */
export const SavedLogSchema = z.object({
  pod: z.string(),
  container: z.string(),
  component: z.string(),
  outcome: z.enum(['complete', 'failed']),
  savedAt: z.string(),
  lineCount: z.number().int().nonnegative(),
  /** Only the last MAX_SAVED_LOG_BYTES were kept. */
  truncated: z.boolean(),
});
export type SavedLog = z.infer<typeof SavedLogSchema>;
export const LogsSchema = z.object({
  pod: z.string(),
  container: z.string(),
  lines: z.array(z.string()),
  /** Where the lines came from: a live pod, or a saved setup log. */
  source: z.enum(['live', 'saved']),
  pods: z.array(
    z.object({
      name: z.string(),
      component: z.string().nullable(),
      containers: z.array(z.string()),
      /** restartCount per container: above 0, a previous container's log can be read. */
      restarts: z.record(z.string(), z.number().int().nonnegative()),
    }),
  ),
  saved: z.array(SavedLogSchema),
});
