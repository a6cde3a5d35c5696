// The application menu: Electron's default one carries Reload, Toggle Developer Tools and Force
// Reload, none of which a packaged build should offer. Packaged builds get no menu on Windows and
// Linux, and on macOS only the app and Edit menus (without Edit, Cmd+C/Cmd+V stop working there).
import { Menu } from 'electron';

export function applyAppMenu(packaged: boolean, platform: NodeJS.Platform = process.platform): void {
  if (!packaged) return;
  if (platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]));
}
