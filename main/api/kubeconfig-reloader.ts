// Reads the kubeconfig again when one of its files changes (a recreated cluster writes a new CA,
// a credential rotation a new token), so the running app follows without a restart. Watches the
// directories, not the files: kubectl and editors replace a file by renaming a new one over it,
// which ends a watch on the old inode.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { kubeconfigSources } from '../kube/kubeconfig';

export interface KubeconfigReloader {
  stop(): void;
}

export function watchKubeconfig(
  explicitPath: string | null,
  onChange: () => void,
  settleMs = 200,
): KubeconfigReloader {
  const paths = kubeconfigSources(explicitPath).paths;
  const byDir = new Map<string, Set<string>>();
  for (const file of paths) {
    const names = byDir.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    byDir.set(dirname(file), names);
  }
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  for (const [dir, names] of byDir) {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, file) => {
        if (file && !names.has(String(file))) return;
        // A write arrives as several events; one reload once they stop.
        clearTimeout(timer);
        timer = setTimeout(onChange, settleMs);
      });
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // The directory does not exist (yet): a reload on demand still works.
    }
  }
  return {
    stop() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
