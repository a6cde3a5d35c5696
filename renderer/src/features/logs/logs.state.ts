// One store's logs: a tail of the chosen pod/container, and a live follow fed by logLines
// events. Lines of a follow can arrive before its id does, so they wait in a small buffer.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { TAIL_LINES, type EventOf, type ResponseOf, type StoredeckApi } from '../../../../preload/contract';

export type TailLines = (typeof TAIL_LINES)[number];
export type LogPod = ResponseOf<'getLogs'>['pods'][number];

/** Lines kept in memory (and in the terminal's scrollback). */
export const MAX_LOG_LINES = 5000;
const MAX_BUFFERED_SESSIONS = 4;

export type LogsState = {
  pods: LogPod[];
  pod: string | null;
  container: string | null;
  tailLines: TailLines;
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
  chooseTail(tailLines: TailLines): Promise<void>;
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
    const target = () => ({
      id,
      pod: get().pod ?? undefined,
      container: get().container ?? undefined,
      tailLines: get().tailLines,
    });

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
        const { pods, pod, container, lines } = result.value;
        set({
          pods,
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
      choosePod: (pod) => retarget({ pod, container: null }),
      chooseContainer: (container) => retarget({ container }),
      chooseTail: (tailLines) => retarget({ tailLines }),
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
