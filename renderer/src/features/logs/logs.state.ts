// One store's logs: a tail of the chosen pod/container (current or previous container, with or
// without timestamps, or a setup log saved after its job), and a live follow fed by logLines
// events. Lines of a follow can arrive before its id does, so they wait in a small buffer.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventOf, ResponseOf, SavedLog, StoredeckApi } from '../../../../preload/contract';

export type LogPod = ResponseOf<'getLogs'>['pods'][number];

/** Lines kept in memory (and in the terminal's scrollback). */
export const MAX_LOG_LINES = 5000;
const MAX_BUFFERED_SESSIONS = 4;

export type LogsState = {
  pods: LogPod[];
  pod: string | null;
  container: string | null;
  tailLines: number;
  /** Lines carry the kubelet's RFC 3339 timestamps. */
  timestamps: boolean;
  /** The container that ran before the last restart. */
  previous: boolean;
  /** Reading a saved setup log (pod names which one), not a live pod. */
  saved: boolean;
  savedLogs: SavedLog[];
  lines: string[];
  /** Lines dropped from the front since the last reset (lines[0] is line number dropped + 1). */
  dropped: number;
  /** Changes whenever the shown lines start over (new tail, new follow). */
  resetKey: number;
  loading: boolean;
  error: string | null;
  following: boolean;
  followBusy: boolean;
  notice: string | null;
  load(): Promise<void>;
  choosePod(pod: string): Promise<void>;
  chooseContainer(container: string): Promise<void>;
  chooseTail(tailLines: number): Promise<void>;
  chooseSaved(pod: string): Promise<void>;
  setTimestamps(on: boolean): Promise<void>;
  setPrevious(on: boolean): Promise<void>;
  startFollow(): Promise<void>;
  stopFollow(): Promise<void>;
  /** Listens to logLines; the returned function stops listening and ends any follow. */
  attach(): () => void;
};

type Buffered = { lines: string[]; ended: boolean };

/** initialPod: a pod name or component ('setup' after a failed setup) to open on. */
export function createLogsStore(
  api: StoredeckApi,
  id: string,
  initialPod: string | null = null,
): StoreApi<LogsState> {
  let subscriptionId: string | null = null;
  let wantFollow = false;
  const stopped = new Set<string>();
  const buffered = new Map<string, Buffered>();

  return createStore<LogsState>((set, get) => {
    // Only the options that are on travel: the contract's defaults cover the rest.
    const target = () => {
      const { pod, container, tailLines, timestamps, previous, saved } = get();
      return {
        id,
        pod: pod ?? undefined,
        container: saved ? undefined : (container ?? undefined),
        tailLines,
        ...(timestamps ? { timestamps } : {}),
        ...(previous && !saved ? { previous } : {}),
        ...(saved ? { saved } : {}),
      };
    };

    function append(incoming: string[]): void {
      if (incoming.length === 0) return;
      const all = [...get().lines, ...incoming];
      const drop = Math.max(0, all.length - MAX_LOG_LINES);
      set({ lines: drop > 0 ? all.slice(drop) : all, dropped: get().dropped + drop });
    }

    function ended(): void {
      subscriptionId = null;
      wantFollow = false;
      set({ following: false, notice: 'The log stream ended: the container stopped or its pod is gone.' });
    }

    function receive(payload: EventOf<'logLines'>): void {
      if (payload.subscriptionId === subscriptionId) {
        append(payload.lines);
        if (payload.ended) ended();
        return;
      }
      if (stopped.has(payload.subscriptionId)) return;
      const entry = buffered.get(payload.subscriptionId) ?? { lines: [], ended: false };
      entry.lines.push(...payload.lines);
      entry.ended ||= payload.ended;
      buffered.set(payload.subscriptionId, entry);
      // Sessions that never become ours (another window's) must not pile up.
      while (buffered.size > MAX_BUFFERED_SESSIONS) buffered.delete(buffered.keys().next().value as string);
    }

    function remember(stoppedId: string): void {
      stopped.add(stoppedId);
      if (stopped.size > 64) stopped.delete(stopped.values().next().value as string);
    }

    async function stopCurrent(): Promise<void> {
      const current = subscriptionId;
      subscriptionId = null;
      if (current === null) return;
      remember(current);
      await api.stopLogFollow({ subscriptionId: current });
    }

    async function retarget(change: Partial<LogsState>): Promise<void> {
      set(change);
      if (get().following) {
        await stopCurrent();
        await get().startFollow();
      } else {
        await get().load();
      }
    }

    return {
      pods: [],
      pod: initialPod,
      container: null,
      tailLines: 100,
      timestamps: false,
      previous: false,
      saved: false,
      savedLogs: [],
      lines: [],
      dropped: 0,
      resetKey: 0,
      loading: false,
      error: null,
      following: false,
      followBusy: false,
      notice: null,
      async load() {
        set({ loading: true });
        const result = await api.getLogs(target());
        if (!result.ok) {
          set({ loading: false, error: result.error.message });
          return;
        }
        const { pods, pod, container, lines, saved, source } = result.value;
        set({
          pods,
          savedLogs: saved,
          // Asked for the setup pod after it was gone, the answer is its saved log.
          saved: source === 'saved',
          pod,
          container,
          lines: lines.slice(-MAX_LOG_LINES),
          dropped: 0,
          resetKey: get().resetKey + 1,
          loading: false,
          error: null,
          notice: null,
        });
      },
      choosePod: (pod) => retarget({ pod, container: null, saved: false, previous: false }),
      chooseContainer: (container) => retarget({ container, previous: false }),
      chooseTail: (tailLines) => retarget({ tailLines }),
      // A saved log never changes: reading one ends a follow.
      async chooseSaved(pod) {
        if (get().following) await get().stopFollow();
        await retarget({ pod, container: null, saved: true, previous: false });
      },
      setTimestamps: (timestamps) => retarget({ timestamps }),
      setPrevious: (previous) => retarget({ previous }),
      async startFollow() {
        wantFollow = true;
        set({ followBusy: true, notice: null });
        const result = await api.startLogFollow(target());
        if (!result.ok) {
          wantFollow = false;
          set({ followBusy: false, following: false, error: result.error.message });
          return;
        }
        const started = result.value.subscriptionId;
        if (!wantFollow) {
          // Stopped (or unmounted) while the follow was starting.
          remember(started);
          await api.stopLogFollow({ subscriptionId: started });
          set({ followBusy: false });
          return;
        }
        subscriptionId = started;
        // The follow replays the tail first, so the terminal starts over with it.
        set({
          lines: [],
          dropped: 0,
          resetKey: get().resetKey + 1,
          following: true,
          followBusy: false,
          error: null,
        });
        const early = buffered.get(started);
        buffered.delete(started);
        if (early) receive({ subscriptionId: started, ...early });
      },
      async stopFollow() {
        wantFollow = false;
        set({ following: false });
        await stopCurrent();
      },
      attach() {
        const off = api.on.logLines(receive);
        return () => {
          off();
          void get().stopFollow();
        };
      },
    };
  });
}
