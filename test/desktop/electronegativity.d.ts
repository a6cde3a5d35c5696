// The scanner's programmatic entry (dist/runner.js) ships no types; this is the part we call.
declare module '@doyensec/electronegativity' {
  export type ScanOptions = {
    input: string;
    isRelative?: boolean;
    electronVersion?: string;
    electronVersionOverride?: string;
    excludeFromScan?: string[];
  };
  const run: (options: ScanOptions) => Promise<unknown>;
  export default run;
}
