import type { KubeSimOptions } from './index.js';

export interface CliArgs {
  options: KubeSimOptions;
  /** --help / -h: print USAGE and exit 0. */
  help?: boolean;
  writeKubeconfig?: string;
}

export const USAGE =
  'usage: npm run kube-sim -- [--port N] [--profile kind|fast|realistic|FILE.json] [--seed N] [--cluster k3s|kind] [--no-ingress] [--token T] [--write-kubeconfig FILE]';

/** Parses the kube-sim command line; throws an Error with the usage on anything it does not know. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const options: KubeSimOptions = {};
  let writeKubeconfig: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const need = (): string => {
      if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      i++;
      return value;
    };
    const int = (): number => {
      const v = need();
      if (!/^\d+$/.test(v)) throw new Error(`${flag} must be a non-negative integer, got "${v}"\n${USAGE}`);
      return Number(v);
    };
    switch (flag) {
      case '--help':
      case '-h':
        return { options, help: true };
      case '--port':
        options.port = int();
        break;
      case '--seed':
        options.seed = int();
        break;
      case '--profile':
        options.profile = need();
        break;
      case '--token':
        options.token = need();
        break;
      case '--cluster': {
        const v = need();
        if (v !== 'k3s' && v !== 'kind')
          throw new Error(`--cluster must be k3s or kind, got "${v}"\n${USAGE}`);
        options.cluster = v;
        break;
      }
      case '--no-ingress':
        // A fresh cluster before anyone installed a controller (what `kind create cluster` leaves).
        options.ingress = false;
        break;
      case '--write-kubeconfig':
        writeKubeconfig = need();
        break;
      default:
        throw new Error(`unknown argument "${flag}"\n${USAGE}`);
    }
  }
  return { options, ...(writeKubeconfig ? { writeKubeconfig } : {}) };
}
