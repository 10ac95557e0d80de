/** The per-inference commands (match, link, avatars, collaborative-filtering, capacity, retention, shadow, screenshots). */
import type { Command } from 'commander';
import { avatarsCommand } from './avatarsCommand';
import { capacityCommand } from './capacityCommand';
import { linkCommand } from './linkCommand';
import { matchCommand } from './matchCommand';
import { collaborativeFilteringCommand } from './collaborativeFilteringCommand';
import { retentionCommand } from './retentionCommand';
import { shadowCommand } from './shadowCommand';
import { screenshotsCommand } from './screenshotsCommand';

export function registerAreaCommands(program: Command, setCode: (c: number) => void): void {
  // In the order of the notebooks (01 match ... 08 screenshots).
  matchCommand.register(program, setCode);
  linkCommand.register(program, setCode);
  avatarsCommand.register(program, setCode);
  collaborativeFilteringCommand.register(program, setCode);
  capacityCommand.register(program, setCode);
  retentionCommand.register(program, setCode);
  shadowCommand.register(program, setCode);
  screenshotsCommand.register(program, setCode);
}
