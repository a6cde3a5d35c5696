// `npm run acceptance [-- --context C] [--report-dir DIR] [--cluster-name N] [--download-kind] [--no-skip]`:
// the real-cluster acceptance. Without Docker or kind (and no --context) it prints one line
// saying what is missing and why that is a skip, and exits 0. Otherwise it runs the journey
// and writes report.json and the screenshots into one folder; any failed step exits 1.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseFile } from '../../main/state/data-dir';
import { openState } from '../../main/state/open-state';
import { storedeckCli, REPO_ROOT } from './cli-runner';
import { clientFor, downloadKindInto, ensureKindCluster, preflight } from './cluster';
import { runJourney } from './journey';
import { decideSkip } from './prereqs';
import { Report } from './report';

const { values } = parseArgs({
  options: {
    context: { type: 'string' },
    'report-dir': { type: 'string' },
    'cluster-name': { type: 'string', default: 'storedeck-acceptance' },
    'download-kind': { type: 'boolean', default: false },
    // CI has Docker by design: there a skip would hide a broken runner, so it fails instead.
    'no-skip': { type: 'boolean', default: false },
  },
});

const dataDir = mkdtempSync(join(tmpdir(), 'storedeck-acceptance-'));
const binDir = join(dataDir, 'bin');
const decision = await decideSkip({
  context: values.context ?? null,
  binDir,
  mayDownloadKind: values['download-kind'] === true,
});
if (decision.skip) {
  console.log(values['no-skip'] ? decision.line.replace(/^SKIPPED/, 'FAILED (--no-skip)') : decision.line);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(values['no-skip'] ? 1 : 0);
}

// A fresh cluster pulls MySQL, WordPress and WP-CLI and downloads WooCommerce before the first
// store is Ready: give provisioning the settings' maximum rather than the 5-minute default.
const state = openState(databaseFile(dataDir));
state.settings.update({ provisionTimeoutMinutes: 60 });
state.close();

const report = new Report(resolve(REPO_ROOT, values['report-dir'] ?? 'test-results/acceptance'));
console.log(`Real-cluster acceptance: ${decision.line}; report in ${report.dir}`);
if (decision.kind?.version) report.data.versions.kind = decision.kind.version;
if (decision.docker?.version) report.data.versions.docker = decision.docker.version;
let exitCode = 0;
try {
  const context = await report.step('cluster', async () => {
    if (values.context) return { value: values.context, detail: `existing context ${values.context}` };
    if (decision.kind?.state === 'missing') {
      mkdirSync(binDir, { recursive: true });
      const path = await downloadKindInto(binDir);
      report.data.versions.kind = `downloaded to ${path}`;
    }
    const made = await ensureKindCluster(storedeckCli({ context: null, dataDir }), values['cluster-name']!);
    return { value: made.context, detail: made.detail };
  });
  report.data.context = context;
  const client = clientFor(context);
  const checked = await report.step('preflight', async () => {
    const result = await preflight(client, context);
    const api = result.checks.find((c) => c.id === 'api');
    report.data.versions.kubernetes = api?.detail.replace(/^Reachable, /, '') ?? 'unknown';
    const policy = result.checks.find((c) => c.id === 'network-policy');
    return {
      value: policy?.status === 'ok',
      detail: result.checks.map((c) => `${c.title}: ${c.status}`).join(', '),
    };
  });
  await runJourney({
    cli: storedeckCli({ context, dataDir }),
    client,
    report,
    networkPolicyEnforced: checked,
  });
  report.data.passed = true;
} catch (error) {
  console.error(`Real-cluster acceptance FAILED: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  report.data.finishedAt = new Date().toISOString();
  console.log(`Report: ${report.write()}`);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
