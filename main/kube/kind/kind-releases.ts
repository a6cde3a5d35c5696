// The kind release Storedeck can download for users who have Docker but no kind, with the
// SHA-256 of each upstream file (the `<file>.sha256sum` published beside it on the release
// page). A file whose checksum is not recorded here is never downloaded: fill it in from
// https://github.com/kubernetes-sigs/kind/releases/tag/<version> before enabling that platform.

export interface KindAsset {
  /** The upstream file name on the release page. */
  file: string;
  /** Lower-case hex SHA-256, or null when not recorded yet (download refused). */
  sha256: string | null;
}

export const KIND_RELEASE = {
  version: 'v0.30.0',
  baseUrl: 'https://github.com/kubernetes-sigs/kind/releases/download/v0.30.0',
  assets: {
    'linux-amd64': {
      file: 'kind-linux-amd64',
      sha256: '517ab7fc89ddeed5fa65abf71530d90648d9638ef0c4cde22c2c11f8097b8889',
    },
    'linux-arm64': {
      file: 'kind-linux-arm64',
      sha256: '7ea2de9d2d190022ed4a8a4e3ac0636c8a455e460b9a13ccf19f15d07f4f00eb',
    },
    'darwin-amd64': {
      file: 'kind-darwin-amd64',
      sha256: '4f0b6e3b88bdc66d922c08469f05ef507d4903dd236e6319199bb9c868eed274',
    },
    'darwin-arm64': {
      file: 'kind-darwin-arm64',
      sha256: 'ceaf40df1d1551c481fb50e3deb5c3deecad5fd599df5469626b70ddf52a1518',
    },
    // Not recorded yet: copy it from kind-windows-amd64.sha256sum on the release page.
    'windows-amd64': { file: 'kind-windows-amd64', sha256: null },
  } satisfies Record<string, KindAsset>,
} as const;

/** "linux-amd64" from Node's platform/arch names. */
export function platformKey(platform: NodeJS.Platform, arch: string): string {
  const os = platform === 'win32' ? 'windows' : platform;
  const cpu = arch === 'x64' ? 'amd64' : arch;
  return `${os}-${cpu}`;
}
