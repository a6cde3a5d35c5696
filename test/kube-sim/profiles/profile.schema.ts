import { z } from 'zod';

// Per-image (or per-Job) durations: a number for all, or a map whose keys are image prefixes
// ("mysql", "wordpress:cli") or Job names, longest match wins, with "*" as the fallback.
const durationMap = z
  .record(z.string().min(1), z.number().nonnegative())
  .refine((m) => '*' in m, { message: 'a per-image map needs a "*" fallback entry' });
const duration = z.union([z.number().nonnegative(), durationMap]);

const regex = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const fraction = z.number().min(0).max(1);

export const faultConfigSchema = z
  .object({
    errorRate: fraction.optional(),
    dropRate: fraction.optional(),
    latencyMs: z
      .object({ min: z.number().nonnegative(), max: z.number().nonnegative() })
      .refine((l) => l.min <= l.max, { message: 'latencyMs.min must not exceed latencyMs.max' })
      .optional(),
    watchCutAfterSeconds: z.number().positive().optional(),
    imagePullFailPattern: regex.optional(),
    crashLoopPattern: regex.optional(),
    jobFailPattern: regex.optional(),
    hangNamespacePattern: regex.optional(),
    readinessProbeFailPattern: regex.optional(),
    livenessProbeFailPattern: regex.optional(),
    createContainerErrorPattern: regex.optional(),
    provisioningFailPattern: regex.optional(),
    containerCrashPattern: regex.optional(),
    containerUnreadyPattern: regex.optional(),
  })
  .strict();

export const simProfileSchema = z
  .object({
    name: z.string().min(1),
    timeScale: z.number().positive(),
    timings: z
      .object({
        imagePullMs: duration,
        containerStartMs: z.number().nonnegative(),
        readyAfterStartMs: duration,
        jobRunMs: duration,
        namespaceTerminationMs: z.number().nonnegative(),
        pvcBindMs: z.number().nonnegative(),
        backoffBaseMs: z.number().positive().optional(),
        backoffMaxMs: z.number().positive().optional(),
        podTerminationMs: z.number().nonnegative().optional(),
        quotaSyncMs: z.number().nonnegative().optional(),
      })
      .strict(),
    faults: faultConfigSchema.default({}),
    nodes: z
      .array(z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a node name is a DNS-1123 subdomain'))
      .min(1)
      .optional(),
    kubelet: z.object({ serializeImagePulls: z.boolean().optional() }).strict().optional(),
    imageSizeBytes: duration.optional(),
    pullBytesPerSecond: z.number().positive().optional(),
  })
  .strict()
  .refine((p) => (p.imageSizeBytes === undefined) === (p.pullBytesPerSecond === undefined), {
    message: 'imageSizeBytes and pullBytesPerSecond go together',
  });
