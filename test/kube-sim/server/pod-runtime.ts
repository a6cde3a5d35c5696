/** What the API layer needs from the controllers to serve pods/log and pods/exec (see controllers/index.ts). */
export interface PodRuntime {
  podLogs(
    namespace: string,
    pod: string,
    opts: {
      container?: string;
      tailLines?: number;
      follow?: boolean;
      timestamps?: boolean;
      previous?: boolean;
    },
  ): { lines: string[]; follow?: (onLine: (line: string) => void, onEnd: () => void) => () => void };
  podExec(
    namespace: string,
    pod: string,
    container: string | undefined,
    command: string[],
    stdin?: string | Buffer,
  ): Promise<{ stdout: string; stderr: string; exitCode: number; bytes?: Buffer }>;
}
