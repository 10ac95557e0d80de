/** The per-inference commands (match, link, avatars, plausibility, capacity, retention, shadow). */
import type { Command } from 'commander';
import { registerAvatars } from './avatarsCommand';
import { capacityCommand } from './capacityCommand';
import { registerLink } from './linkCommand';
import { registerMatch } from './matchCommand';
import { registerPlausibility } from './plausibilityCommand';
import { retentionCommand } from './retentionCommand';
import { shadowCommand } from './shadowCommand';

export function registerAreaCommands(program: Command, setCode: (c: number) => void): void {
  // In the order of the notebooks (01 match ... 07 shadow).
  registerMatch(program, setCode);
  registerLink(program, setCode);
  registerAvatars(program, setCode);
  registerPlausibility(program, setCode);
  capacityCommand.register(program, setCode);
  retentionCommand.register(program, setCode);
  shadowCommand.register(program, setCode);
}
