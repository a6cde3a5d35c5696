import { describe, expect, it } from 'vitest';
import { PLANS } from '../../../preload/contract';
import { strategyFor } from './registry';

describe('strategyFor', () => {
  it('has a strategy for every plan of the contract, answering to its own plan', () => {
    for (const plan of PLANS) expect(strategyFor(plan).plan).toBe(plan);
  });
});
