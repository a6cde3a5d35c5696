import { generate } from 'selfsigned';

export interface ServingCerts {
  caCert: string;
  key: string;
  cert: string;
  /** A client certificate the same CA signed, for the admin (CN = user, O = groups, as kubeadm/k3s issue them). */
  client: { cert: string; key: string };
}

export interface ClientIdentity {
  user: string;
  groups: string[];
}

/** A throwaway CA and a 127.0.0.1/localhost serving certificate it signs, generated at start. */
export async function generateServingCerts(
  admin: ClientIdentity = { user: 'system:admin', groups: ['system:masters'] },
): Promise<ServingCerts> {
  const notAfterDate = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'kube-sim-ca' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const serving = await generate([{ name: 'commonName', value: 'kube-apiserver' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
          { type: 2, value: 'kubernetes.default.svc' },
        ],
      },
    ],
  });
  const client = await generate(
    [
      { name: 'commonName', value: admin.user },
      ...admin.groups.map((value) => ({ name: 'organizationName', value })),
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notAfterDate,
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', clientAuth: true },
      ],
    },
  );
  return {
    caCert: ca.cert,
    key: serving.private,
    cert: serving.cert,
    client: { cert: client.cert, key: client.private },
  };
}
