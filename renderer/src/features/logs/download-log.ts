// Saves lines to a file the way a browser does (a Blob behind a download link): the same code
// works in the web host and in Electron's renderer, which hands the download to the OS dialog.

/** `<slug>-<component>-<YYYY-MM-DD-HHMMSS>.log`, in local time: sortable, safe on every OS. */
export function logFileName(slug: string, component: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe(slug)}-${safe(component)}-${date}-${time}.log`;
}

export function downloadLog(lines: readonly string[], fileName: string, doc: Document = document): void {
  const blob = new Blob([lines.length ? `${lines.join('\n')}\n` : ''], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The click has handed the Blob to the download; the URL can go once this task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
