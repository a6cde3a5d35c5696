// The Tools tab's WP-CLI console: one command at a time, its streamed output kept as chunks
// for the terminal, the exit code when it ends.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventOf, StoredeckApi } from '../../../../preload/contract';
import { splitCommand } from './split-command';

/** Enough scrollback for a long `wp plugin list`; older output is dropped from the front. */
const MAX_CHUNKS = 2000;

export type WpCliState = {
  running: boolean;
  /** Output so far; `dropped` chunks were removed from the front. */
  chunks: string[];
  dropped: number;
  lastExit: number | null;
  error: string | null;
  run(line: string): Promise<void>;
  dispose(): void;
};

export function createWpCliStore(api: StoredeckApi, id: string): StoreApi<WpCliState> {
  let runId: string | null = null;
  // Output can overtake the answer that names its run (events and answers travel apart).
  let early: Array<EventOf<'wpCliOutput'>> = [];
  return createStore<WpCliState>((set, get) => {
    const append = (text: string) => {
      const chunks = [...get().chunks, text];
      const over = Math.max(0, chunks.length - MAX_CHUNKS);
      set({ chunks: chunks.slice(over), dropped: get().dropped + over });
    };
    const take = (out: EventOf<'wpCliOutput'>) => {
      if (out.text) append(out.stream === 'stderr' ? `\u001b[31m${out.text}\u001b[0m` : out.text);
      if (out.done) {
        runId = null;
        set({ running: false, lastExit: out.exitCode });
      }
    };
    const off = api.on.wpCliOutput((out) => {
      if (out.runId === runId) take(out);
      else if (get().running && runId === null) early.push(out);
    });
    return {
      running: false,
      chunks: [],
      dropped: 0,
      lastExit: null,
      error: null,
      async run(line) {
        if (get().running) return;
        const parsed = splitCommand(line);
        if (!parsed.ok) return set({ error: parsed.error });
        set({ running: true, error: null, lastExit: null });
        append(`\u001b[1m$ wp ${parsed.args.join(' ')}\u001b[0m\n`);
        const started = await api.runWpCli({ id, args: parsed.args });
        if (!started.ok) return set({ running: false, error: started.error.message });
        runId = started.value.runId;
        const mine = early.filter((out) => out.runId === runId);
        early = [];
        mine.forEach(take);
      },
      dispose: off,
    };
  });
}
