import { describe, expect, it } from 'vitest';
import { describeFailure } from './context-probe';

const networkError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('describeFailure', () => {
  it('names a changed certificate in words, with its code once and no nested brackets', () => {
    const said = describeFailure(networkError('CERT_SIGNATURE_FAILURE', 'certificate signature failure'));
    expect(said).toBe(
      'its certificate is not the one in the kubeconfig; was the cluster recreated? (CERT_SIGNATURE_FAILURE)',
    );
  });

  it('says nothing listens when the connection is refused', () => {
    expect(describeFailure(networkError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:6443'))).toBe(
      'nothing is listening at its address (connection refused)',
    );
  });
});
