// Turns arbitrary stream chunks into whole lines: a line split across chunks is held until its
// end arrives; CRLF endings are normalised; one callback per chunk keeps events batched.

export class LineSplitter {
  private partial = '';

  constructor(private readonly onLines: (lines: string[]) => void) {}

  push(chunk: string): void {
    const text = this.partial + chunk;
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    if (parts.length > 0) this.onLines(parts.map((line) => line.replace(/\r$/, '')));
  }

  /** The unterminated remainder (as a last line), and resets. */
  flush(): string[] {
    const rest = this.partial.replace(/\r$/, '');
    this.partial = '';
    return rest.length > 0 ? [rest] : [];
  }
}
