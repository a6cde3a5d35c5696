// The hosted-CI workflow is valid YAML of the shape GitHub runs, and every step is either one of
// the three stock actions it needs or one of this repo's own npm commands: the acceptance
// itself (with Storedeck's kind download) and an upload of exactly the folder it reports into.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './cli-runner';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; steps: Step[]; 'timeout-minutes'?: number }>;
}

const workflow = parse(readFileSync(join(REPO_ROOT, '.github/workflows/acceptance.yml'), 'utf8')) as Workflow;
const scripts = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const STOCK_ACTIONS = ['actions/checkout', 'actions/setup-node', 'actions/upload-artifact'];

describe('.github/workflows/acceptance.yml', () => {
  const jobs = Object.values(workflow.jobs);
  const steps = jobs.flatMap((j) => j.steps);

  it('runs on push, on Ubuntu (which has Docker), bounded in time', () => {
    expect(Object.keys(workflow.on)).toContain('push');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.['runs-on']).toMatch(/^ubuntu-/);
    expect(jobs[0]?.['timeout-minutes']).toBeLessThanOrEqual(90);
  });

  it('calls only stock actions pinned to a major version and the repo’s own npm commands', () => {
    for (const step of steps) {
      if (step.uses) {
        const [name, ref] = step.uses.split('@');
        expect(STOCK_ACTIONS).toContain(name);
        expect(ref).toMatch(/^v\d+$/);
        continue;
      }
      const lines = (step.run ?? '').split('\n').filter((l) => l.trim());
      expect(lines).toHaveLength(1);
      const [command] = lines as [string];
      if (command === 'npm ci') continue;
      const script = /^npm run ([\w:-]+)(?: -- .*)?$/.exec(command)?.[1];
      expect(script, command).toBeDefined();
      expect(Object.keys(scripts)).toContain(script);
    }
  });

  it('gets kind through Storedeck’s own download, never skips, and uploads the report folder it wrote', () => {
    const run = steps.find((s) => s.run?.startsWith('npm run acceptance'))?.run ?? '';
    expect(run).toContain('--download-kind');
    expect(run).toContain('--no-skip');
    const reportDir = /--report-dir (\S+)/.exec(run)?.[1];
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.if).toBe('always()');
    expect(String(upload?.with?.path).replace(/\/$/, '')).toBe(reportDir);
  });
});
