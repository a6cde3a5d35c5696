import { parseCliArgs, USAGE } from './cli-args.js';
import { startKubeSim } from './index.js';

// `npm run kube-sim -- [--port N] [--profile ...] [--seed N] [--write-kubeconfig FILE]`: serves until SIGTERM/SIGINT.
async function main(): Promise<void> {
  let args;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const sim = await startKubeSim(args.options);
  if (args.writeKubeconfig) await sim.writeKubeconfig(args.writeKubeconfig);
  console.log(`kube-sim listening on ${sim.url}`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sim.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
