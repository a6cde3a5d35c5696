// The local-cluster part of the contract: what `cluster status` and the onboarding show
// (Docker, kind, the clusters, the kubeconfig), and the progress stream of a create or delete.
import { z } from 'zod';

const ToolCheckSchema = z.object({
  name: z.enum(['docker', 'kind']),
  state: z.enum(['ok', 'missing', 'stopped', 'unusable', 'too-old']),
  version: z.string().nullable(),
  path: z.string().nullable(),
  detail: z.string(),
  fix: z.string().nullable(),
});
export type ToolCheckInfo = z.infer<typeof ToolCheckSchema>;

/** Kind cluster names (they become Docker container names and the kind-<name> context). */
export const KindClusterNameSchema = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$/,
    'Cluster name must be 1-32 lowercase letters, digits or dashes, starting and ending with a letter or digit',
  );

export const LocalClusterSchema = z.object({
  name: z.string(),
  context: z.string(),
  httpPort: z.number().int(),
  httpsPort: z.number().int().nullable(),
});
export type LocalCluster = z.infer<typeof LocalClusterSchema>;

export const ClusterStatusSchema = z.object({
  docker: ToolCheckSchema,
  kind: ToolCheckSchema,
  /** Kind clusters on this machine ([] when kind or Docker cannot tell). */
  clusters: z.array(z.string()),
  /** The kubeconfig file a new cluster's context is written to. */
  kubeconfigPath: z.string(),
  /** Why no context is usable (no kubeconfig, no contexts, unreachable), or null. */
  kubeconfigProblem: z.string().nullable(),
  context: z.string().nullable(),
  /** The cluster Storedeck made for the current context, with its host ports. */
  localCluster: LocalClusterSchema.nullable(),
  /** The current context's IngressClass and controller in one line (null when unreachable). */
  ingress: z.string().nullable(),
  /** The create or delete running now, if any. */
  operation: z.object({ id: z.string(), kind: z.enum(['create', 'delete']) }).nullable(),
});
export type ClusterStatus = z.infer<typeof ClusterStatusSchema>;

export const ClusterProgressSchema = z.object({
  operationId: z.string(),
  operation: z.enum(['create', 'delete']),
  phase: z.enum(['check', 'ports', 'kind', 'ingress', 'done', 'failed', 'cancelled']),
  line: z.string(),
  /** On 'done' of a create: the cluster, its context and ports. */
  result: LocalClusterSchema.extend({ reused: z.boolean() }).optional(),
});
export type ClusterProgress = z.infer<typeof ClusterProgressSchema>;

export const CreateLocalClusterSchema = z
  .object({
    name: KindClusterNameSchema.default('storedeck'),
    httpPort: z
      .number()
      .int('HTTP port must be a whole number')
      .min(1, 'HTTP port must be at least 1')
      .max(65535, 'HTTP port must be at most 65535')
      .optional(),
    workers: z
      .number()
      .int('Workers must be a whole number')
      .min(0, 'Workers must be at least 0')
      .max(5, 'Workers must be at most 5')
      .default(0),
  })
  .strict();
