// The engine's sense of time: requeue and backoff timers and the provisioning clocks. The wall
// clock in the app; the simulator's clock in tests, so ten minutes of "no progress" pass in a
// fraction of a second and a timeout is judged in the same time the cluster lives in.

export interface TimerHandle {
  /** When it fires, on the clock's now() scale. */
  readonly due: number;
  cancel(): void;
}

export interface EngineClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
}

export const systemClock: EngineClock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms);
    return { due: Date.now() + ms, cancel: () => clearTimeout(timer) };
  },
};

/** An engine clock over anything with now() and a cancellable setTimeout (the sim's clock). */
export function clockFrom(source: {
  now(): number;
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}): EngineClock {
  return {
    now: () => source.now(),
    setTimeout(fn, ms) {
      const due = source.now() + ms;
      const handle = source.setTimeout(fn, ms);
      return { due, cancel: () => handle.cancel() };
    },
  };
}
