// The tray icon: the stores at a glance, kept current from the bus.
import { Menu, Tray, nativeImage, shell, type MenuItemConstructorOptions } from 'electron';
import type { Store } from '../../preload/contract';
import type { EventBus } from '../primitives/event-bus';
import { isOpenableExternalUrl } from './external-url';
import { trayMenuModel, trayTooltip, type TrayItem } from './tray-menu';
import iconPath from '../../build/icon.png?asset';

export type TrayOptions = { bus: EventBus; initial: Store[]; showApp: () => void; quit: () => void };

export function createTray({ bus, initial, showApp, quit }: TrayOptions): () => void {
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 22, height: 22 }));
  const stores = new Map(initial.map((s) => [s.id, s]));

  const toMenuItem = (item: TrayItem): MenuItemConstructorOptions => {
    if (item.kind === 'separator') return { type: 'separator' };
    if (item.kind === 'note') return { label: item.label, enabled: false };
    const { action } = item;
    const click =
      action.kind === 'quit'
        ? quit
        : action.kind === 'open-url' && isOpenableExternalUrl(action.url)
          ? () => void shell.openExternal(action.url) // eng-disable OPEN_EXTERNAL_JS_CHECK a Ready store's own http or https URL
          : showApp;
    return { label: item.label, click };
  };

  const render = () => {
    const list = [...stores.values()];
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuModel(list).map(toMenuItem)));
    tray.setToolTip(trayTooltip(list));
  };

  render();
  tray.on('click', showApp);
  const unsubscribe = bus.subscribe((name, payload) => {
    if (name === 'storeChanged') stores.set((payload as Store).id, payload as Store);
    else if (name === 'storeRemoved') stores.delete((payload as { id: string }).id);
    else return;
    render();
  });
  return () => {
    unsubscribe();
    tray.destroy();
  };
}
