// Parses `npm run web -- [--port N] [--data-dir DIR] [--kubeconfig FILE] [--context NAME]`.
import { resolve } from 'node:path';
import { resolveDataDir } from '../state/data-dir';

export type WebArgs = { port: number; dataDir: string; kubeconfigPath?: string; context?: string };

const WEB_USAGE = 'Usage: npm run web -- [--port N] [--data-dir DIR] [--kubeconfig FILE] [--context NAME]';

export function parseWebArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): WebArgs {
  // --data-dir, else STOREDECK_DATA_DIR, else the per-user data folder: the same rule as the CLI.
  const args: WebArgs = { port: 0, dataDir: resolveDataDir({ env }) };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? '';
    const [name, inline] =
      flag.startsWith('--') && flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const takeValue = (): string => {
      const value = inline ?? argv[(i += 1)];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        throw new Error(`${name} needs a value. ${WEB_USAGE}`);
      }
      return value;
    };
    switch (name) {
      case '--port': {
        const raw = takeValue();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`--port must be 0–65535, got "${raw}"`);
        args.port = port;
        break;
      }
      case '--data-dir':
        args.dataDir = resolveDataDir({ dataDir: takeValue(), env });
        break;
      case '--kubeconfig':
        args.kubeconfigPath = resolve(takeValue());
        break;
      case '--context':
        args.context = takeValue();
        break;
      default:
        throw new Error(`Unknown option "${flag}". ${WEB_USAGE}`);
    }
  }
  return args;
}
