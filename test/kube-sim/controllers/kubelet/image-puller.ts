// The kubelet's image puller per node (pkg/kubelet/images): with serializeImagePulls (the
// upstream default, and Kind's) one pull at a time, queued in the order containers ask, so the
// second store's MySQL waits for the first one's WordPress; otherwise pulls run side by side.
// A pull takes the profile's imagePullMs, plus size / bandwidth when the profile gives sizes.
import type { SimProfile } from '../../types.js';
import { parseImage } from '../image.js';
import { imagePullMs, lookupDuration } from '../timings.js';

const candidates = (image: string): string[] => {
  const img = parseImage(image);
  return [img.short, img.base, image];
};

/** How long pulling this image takes once it is its turn (sim ms). */
export function pullDurationMs(p: SimProfile, image: string): number {
  const base = imagePullMs(p, image);
  if (p.imageSizeBytes === undefined || !p.pullBytesPerSecond) return base;
  return (
    base + Math.round((lookupDuration(p.imageSizeBytes, candidates(image)) / p.pullBytesPerSecond) * 1000)
  );
}

/** The size the Pulled event reports: the profile's figure, else a stable one from the digest. */
export function imageSizeBytes(p: SimProfile, image: string, imageID: string): number {
  if (p.imageSizeBytes !== undefined) return lookupDuration(p.imageSizeBytes, candidates(image));
  return 40_000_000 + (parseInt(imageID.slice(-6), 16) % 200_000_000);
}

export class ImagePuller {
  private readonly busyUntil = new Map<string, number>();

  constructor(private readonly profile: () => SimProfile) {}

  /** Queues a pull of `ms` on `node` asked for at `now`; returns when it finishes (sim ms). */
  schedule(node: string, now: number, ms: number): number {
    if (!this.profile().kubelet?.serializeImagePulls) return now + ms;
    const start = Math.max(now, this.busyUntil.get(node) ?? 0);
    this.busyUntil.set(node, start + ms);
    return start + ms;
  }
}
