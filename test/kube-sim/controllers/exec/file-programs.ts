// coreutils that move and guard files, over the shell's file map (which keeps file contents
// only: directories exist implicitly, modes and owners are not modelled beyond who may chown).
import type { ExecResult, Program } from './shell-run.js';

const ok = (): ExecResult => ({ stdout: '', stderr: '', exitCode: 0 });
const fail = (stderr: string): ExecResult => ({ stdout: '', stderr, exitCode: 1 });
const operands = (args: string[]): string[] => args.filter((a) => !a.startsWith('-'));

export function filePrograms(): Record<string, Program> {
  return {
    mkdir: () => ok(),
    chmod: (args) => (operands(args).length >= 2 ? ok() : fail('chmod: missing operand\n')),
    // Only root may give files away (CAP_CHOWN); the images' non-root users get EPERM.
    chown: (args, _io, shell) => {
      const [owner, ...paths] = operands(args);
      if (!owner || !paths.length) return fail('chown: missing operand\n');
      if (shell.uid !== 0)
        return fail(`chown: changing ownership of '${paths[0]}': Operation not permitted\n`);
      return ok();
    },
    mv: (args, _io, shell) => {
      const [from, to] = operands(args);
      if (!from || !to) return fail('mv: missing operand\n');
      const content = shell.files.get(from);
      if (content === undefined) return fail(`mv: cannot stat '${from}': No such file or directory\n`);
      shell.files.delete(from);
      shell.files.set(to, content);
      return ok();
    },
    rm: (args, _io, shell) => {
      const force = args.some((a) => /^-[a-z]*f/.test(a));
      for (const path of operands(args)) {
        if (!shell.files.delete(path) && !force)
          return fail(`rm: cannot remove '${path}': No such file or directory\n`);
      }
      return ok();
    },
  };
}
