import { describe, expect, it, vi } from 'vitest';
import { createWindowKeeper, type KeptWindow } from './window-keeper';

function fakeWindow(minimized = false) {
  let onClosed: (() => void) | null = null;
  const win = {
    destroyed: false,
    isDestroyed: () => win.destroyed,
    isMinimized: () => minimized,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
    once: (_event: 'closed', listener: () => void) => {
      onClosed = listener;
    },
    close() {
      win.destroyed = true;
      onClosed?.();
    },
  };
  return win satisfies KeptWindow;
}

describe('window keeper', () => {
  it('creates the window once and focuses it on later requests', () => {
    const first = fakeWindow();
    const create = vi.fn(() => first);
    const keeper = createWindowKeeper(create);
    keeper.show();
    keeper.show();
    expect(create).toHaveBeenCalledTimes(1);
    expect(first.focus).toHaveBeenCalledTimes(1);
    expect(keeper.current()).toBe(first);
  });

  it('restores a minimised window (second instance launched)', () => {
    const win = fakeWindow(true);
    const keeper = createWindowKeeper(() => win);
    keeper.show();
    keeper.show();
    expect(win.restore).toHaveBeenCalledTimes(1);
  });

  it('creates a new window after the old one was closed', () => {
    const windows = [fakeWindow(), fakeWindow()];
    let n = 0;
    const keeper = createWindowKeeper(() => windows[n++]!);
    keeper.show();
    windows[0]!.close();
    expect(keeper.current()).toBeNull();
    expect(keeper.show()).toBe(windows[1]);
  });
});
