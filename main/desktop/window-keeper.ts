// Keeps at most one app window: "show" focuses it (restoring it if minimised) or creates it again
// after it was closed — used by the second-instance lock, the tray and notifications.
export type KeptWindow = {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  once(event: 'closed', listener: () => void): unknown;
};

export type WindowKeeper<W extends KeptWindow> = { show(): W; current(): W | null };

export function createWindowKeeper<W extends KeptWindow>(create: () => W): WindowKeeper<W> {
  let win: W | null = null;
  return {
    show() {
      if (win && !win.isDestroyed()) {
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
        return win;
      }
      const created = create();
      win = created;
      created.once('closed', () => {
        if (win === created) win = null;
      });
      return created;
    },
    current: () => (win && !win.isDestroyed() ? win : null),
  };
}
