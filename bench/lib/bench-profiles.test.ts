import { describe, expect, it } from 'vitest';
import { jobRunMs } from '../../test/kube-sim/controllers/timings';
import { imageRef } from '../../main/engine/strategies/woocommerce/woocommerce-facts';
import { fastWithJobTimes, realisticAt } from './bench-profiles';

describe('fastWithJobTimes', () => {
  const profile = fastWithJobTimes({ 'bench-seq0.local': 1234, 'bench-seq1.local': 4321 });

  it("runs a store's setup Job for the time given to its registry (the image the engine builds)", () => {
    expect(jobRunMs(profile, 'woocommerce-setup', imageRef('wpCli', 'bench-seq0.local'))).toBe(1234);
    expect(jobRunMs(profile, 'woocommerce-setup', imageRef('wpCli', 'bench-seq1.local'))).toBe(4321);
  });

  it('keeps the fast timings for every other image and Job', () => {
    expect(jobRunMs(profile, 'woocommerce-setup', imageRef('wpCli', null))).toBe(200);
    expect(profile.timeScale).toBe(1);
    expect(profile.name).toBe('fast');
  });
});

describe('realisticAt', () => {
  it('keeps the realistic timings and changes only the time scale', () => {
    const p = realisticAt(0.02);
    expect(p.timeScale).toBe(0.02);
    expect(p.timings.jobRunMs).toMatchObject({ 'woocommerce-setup': 60000 });
  });
});
