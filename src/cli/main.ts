/**
 * The command line: `npx profile-provenance <command> [options]`. Each command reads evidence
 * files, runs the same modules as the notebooks (no logic here), and writes
 * `<out>/<command>.json` (results) and `<out>/<command>.html` (expert report).
 *
 * Exit codes: 0 ok, 1 unexpected failure, 2 usage, 3 evidence error, 4 missing dependency.
 */
import { Command, CommanderError } from 'commander';
import { EXIT } from './exitCodes';
import { registerReport } from './reportCommand';
import { registerAreaCommands } from './commands';
import { registerDoctor } from './doctorCommand';

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const setCode = (c: number) => {
    code = c;
  };
  const program = new Command('profile-provenance')
    .description('Did these profiles come from that platform? Forensic statistics for profile provenance.')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 unexpected failure, 2 usage error, 3 evidence error (file, row, column named), 4 missing system dependency.',
    )
    .exitOverride()
    .showHelpAfterError();
  registerAreaCommands(program, setCode);
  registerReport(program, setCode);
  registerDoctor(program, setCode);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    throw e;
  }
  return code;
}
