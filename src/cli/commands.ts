/** The per-inference commands (match, link, avatars, collaborative-filtering, capacity, retention, shadow). */
import type { Command } from 'commander';
import { registerAvatars } from './avatarsCommand';
import { registerCapacity } from './capacityCommand';
import { registerLink } from './linkCommand';
import { registerMatch } from './matchCommand';
import { collaborativeFilteringCommand } from './collaborativeFilteringCommand';
import { retentionCommand } from './retentionCommand';
import { registerShadow } from './shadowCommand';

export function registerAreaCommands(program: Command, setCode: (c: number) => void): void {
  // In the order of the notebooks (01 match ... 07 shadow).
  registerMatch(program, setCode);
  registerLink(program, setCode);
  registerAvatars(program, setCode);
  collaborativeFilteringCommand.register(program, setCode);
  registerCapacity(program, setCode);
  retentionCommand.register(program, setCode);
  registerShadow(program, setCode);
}
