// The desktop answer to the contract's chooseRestoreArchive (the shared handler only says "not
// here"): the system's open-file dialog, limited to Storedeck backups. The path it returns is
// the user's own choice; restore checks the archive itself before using it.
import { dialog } from 'electron';
import { ok } from '../../preload/contract';
import type { Handlers } from '../api/handler-types';

export function desktopChooseArchive(): Handlers['chooseRestoreArchive'] {
  return async () => {
    const picked = await dialog.showOpenDialog({
      title: 'Restore a store from a backup',
      properties: ['openFile'],
      filters: [{ name: 'Storedeck backup', extensions: ['gz'] }],
    });
    return ok({ path: picked.canceled ? null : (picked.filePaths[0] ?? null) });
  };
}
