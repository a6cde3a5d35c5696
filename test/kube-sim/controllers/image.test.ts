import { describe, expect, it } from 'vitest';
import { imageFlavour, imageId, parseImage } from './image.js';
import { backoffMs, goDuration, imagePullMs, jobRunMs, lookupDuration } from './timings.js';
import { loadProfile } from '../profiles/load-profile.js';

describe('parseImage', () => {
  it('normalises like containerd', () => {
    expect(parseImage('mysql:8.0').full).toBe('docker.io/library/mysql:8.0');
    expect(parseImage('mysql').full).toBe('docker.io/library/mysql:latest');
    expect(parseImage('bitnami/mysql:8.0').base).toBe('mysql:8.0');
    expect(parseImage('registry.local:5000/shop/wordpress:6.5').full).toBe(
      'registry.local:5000/shop/wordpress:6.5',
    );
    expect(parseImage('wordpress:cli-2.10').short).toBe('wordpress:cli-2.10');
    expect(imageId('mysql:8.0')).toMatch(/^docker\.io\/library\/mysql@sha256:[0-9a-f]{64}$/);
  });

  it('tells the image flavours apart', () => {
    expect(imageFlavour('mysql:8.0.36')).toBe('mysql');
    expect(imageFlavour('wordpress:6.5-apache')).toBe('wordpress');
    expect(imageFlavour('wordpress:cli-2.10')).toBe('wp-cli');
    expect(imageFlavour('busybox')).toBe('generic');
  });
});

describe('timings', () => {
  const realistic = loadProfile('realistic');
  it('picks the longest matching key, then "*"', () => {
    expect(imagePullMs(realistic, 'mysql:8.0')).toBe(25000);
    expect(imagePullMs(realistic, 'wordpress:6.5-apache')).toBe(20000);
    expect(imagePullMs(realistic, 'wordpress:cli-2.10')).toBe(9000);
    expect(imagePullMs(realistic, 'nginx:1.27')).toBe(6000);
    expect(jobRunMs(realistic, 'woocommerce-setup', 'wordpress:cli')).toBe(60000);
    expect(lookupDuration(5, ['x'])).toBe(5);
  });

  it('doubles back-off up to the cap and prints Go durations', () => {
    expect([1, 2, 3, 6, 12].map((n) => backoffMs(realistic, n))).toEqual([
      10000, 20000, 40000, 300000, 300000,
    ]);
    expect(goDuration(10000)).toBe('10s');
    expect(goDuration(80000)).toBe('1m20s');
    expect(goDuration(300000)).toBe('5m0s');
    // The fast profile's sub-second back-offs, and the forms Go prints for them.
    expect(goDuration(100)).toBe('100ms');
    expect(goDuration(1500)).toBe('1.5s');
    expect(goDuration(60500)).toBe('1m0.5s');
    expect(goDuration(3_600_000)).toBe('1h0m0s');
    expect(goDuration(0)).toBe('0s');
  });
});
