// The web UI's file hand-off for restore: the browser sends the archive's bytes to the host
// (POST /api/upload-archive, the same token as every request), which answers with the path of
// the private copy it wrote; restoreStore then takes that path. Desktop uses a file dialog.
import { err, type Result } from '../../../preload/contract';
import { TOKEN_STORAGE_KEY } from '../../../preload/web-auth';

export async function uploadArchive(
  file: Blob,
  fetchImpl: typeof fetch = fetch.bind(globalThis),
): Promise<Result<{ path: string }>> {
  const token = sessionStorage.getItem(TOKEN_STORAGE_KEY);
  try {
    const response = await fetchImpl('/api/upload-archive', {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: file,
    });
    return (await response.json()) as Result<{ path: string }>;
  } catch (error) {
    return err('cluster_unreachable', `Could not upload the archive to the Storedeck host: ${String(error)}`);
  }
}
