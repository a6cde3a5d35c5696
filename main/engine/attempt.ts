// What a provisioning attempt remembers between its short passes: the timeline it writes, its
// two clocks, which steps it has announced, whether it applied the objects and launched setup.
// Only a cache: the truth is SQLite (status, generation, timeline) and the cluster (objects,
// annotations), so a process that starts over rebuilds an attempt from them and carries on —
// the overall clock from the attempt's first timeline row, the no-progress clock from its last.
import type { Store, TimelineEvent } from '../../preload/contract';
import type { EventsRepo } from '../state/events.repo';
import type { EngineClock } from './engine-clock';
import { ProgressDeadline, type ProvisionLimits } from './deadline';
import { Baseline, type ReplacedPod } from './fresh-start';
import { QuotaRelease } from './graceful-deletion';
import { ProgressTracker } from './progress';
import type { Diagnosis } from './strategies/strategy';
import { Timeline, type StoreWriter } from './store-writer';

export interface Attempt {
  readonly generation: number;
  /** A pass over a Ready store (drift check): quiet timeline, clocks from its start. */
  readonly drift: boolean;
  /** Queued again after a Failed attempt: leftovers of the last one are not evidence. */
  readonly retrying: boolean;
  readonly timeline: Timeline;
  readonly deadline: ProgressDeadline;
  readonly progress: ProgressTracker;
  readonly baseline: Baseline;
  /** The same for setup, from its own first look (a retry judges setup only by what changed since). */
  readonly setupBaseline: Baseline;
  /** Objects applied by this process for this attempt (a resumed attempt applies once more). */
  applied: boolean;
  /** The retry's fresh start: the stuck pods it replaced (null until it looked), and whether it is over. */
  replacedPods: ReplacedPod[] | null;
  freshStartDone: boolean;
  /** Softens quota refusals while pods terminate (they still count until gone and recounted). */
  readonly release: QuotaRelease;
  /** Annotations the Namespace carried when this attempt claimed it, plus what it wrote since. */
  setupDone: boolean;
  checkoutVerified: boolean;
  waitsAnnounced: boolean;
  readonly available: Set<string>;
  /** Setup: "started" written (with the words its "completed" repeats), and whether ours runs. */
  setupAnnounced: string | null;
  setupLaunched: boolean;
  /** The cache has shown the Job since (until then an absent Job is just not seen yet). */
  setupSeen: boolean;
  setupJobRemoval: boolean;
  /** Setup's success being recorded (its logs, the Namespace annotation): awaited before Ready. */
  setupRecording: Promise<void> | null;
  lastDiagnosis: Diagnosis | null;
  /** When a pass found the cluster not answering (null while it answers): that time is not charged. */
  unreachableSince: number | null;
}

const time = (event: TimelineEvent | undefined): number | null => {
  const at = event ? Date.parse(event.timestamp) : NaN;
  return Number.isFinite(at) ? at : null;
};

/** The current attempt's rows: everything after the last failure (a retry starts afresh). */
export function attemptEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  let from = 0;
  events.forEach((event, index) => {
    if (event.status === 'failed') from = index + 1;
  });
  return events.slice(from).filter((event) => event.status !== 'interrupted');
}

export class Attempts {
  private readonly byStore = new Map<string, Attempt>();

  constructor(
    private readonly writer: StoreWriter,
    private readonly events: Pick<EventsRepo, 'list'>,
    private readonly clock: EngineClock,
  ) {}

  /** The store's attempt, begun (or rebuilt from SQLite) when it has none for this generation. */
  for(store: Store, generation: number, limits: ProvisionLimits, now: number): Attempt {
    const drift = store.status === 'Ready';
    const existing = this.byStore.get(store.id);
    if (existing && existing.generation === generation && existing.drift === drift) return existing;
    const rows = drift ? [] : attemptEvents(this.events.list(store.id));
    const startedAt = Math.min(now, time(rows[0]) ?? now);
    const lastProgress = Math.min(now, time(rows.at(-1)) ?? now);
    const retrying = store.status === 'Queued' && generation > 1;
    const timeline = new Timeline(this.writer, store.id, drift);
    if (drift) timeline.current = 'reconcile';
    const attempt: Attempt = {
      generation,
      drift,
      retrying,
      timeline,
      deadline: new ProgressDeadline(limits, startedAt, lastProgress),
      progress: new ProgressTracker(),
      baseline: new Baseline(retrying),
      setupBaseline: new Baseline(retrying),
      applied: false,
      replacedPods: null,
      freshStartDone: false,
      release: new QuotaRelease(() => this.clock.now()),
      setupDone: false,
      checkoutVerified: false,
      waitsAnnounced: false,
      available: new Set(),
      setupAnnounced: null,
      setupLaunched: false,
      setupSeen: false,
      setupJobRemoval: false,
      setupRecording: null,
      lastDiagnosis: null,
      unreachableSince: null,
    };
    // Every timeline row the attempt writes is a step forward.
    timeline.onWrite = () => attempt.deadline.progressed(this.clock.now());
    this.byStore.set(store.id, attempt);
    return attempt;
  }

  end(storeId: string): void {
    this.byStore.delete(storeId);
  }

  clear(): void {
    this.byStore.clear();
  }

  has(storeId: string): boolean {
    return this.byStore.has(storeId);
  }
}
