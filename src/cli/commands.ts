/** The per-inference commands (match, link, avatars, plausibility, capacity, retention, shadow, screenshots). */
import type { Command } from 'commander';
import { registerAvatars } from './avatarsCommand';
import { registerCapacity } from './capacityCommand';
import { registerLink } from './linkCommand';
import { registerMatch } from './matchCommand';
import { registerPlausibility } from './plausibilityCommand';
import { registerRetention } from './retentionCommand';
import { registerShadow } from './shadowCommand';
import { registerScreenshots } from './screenshotsCommand';

export function registerAreaCommands(program: Command, setCode: (c: number) => void): void {
  // In the order of the notebooks (01 match ... 07 shadow).
  registerMatch(program, setCode);
  registerLink(program, setCode);
  registerAvatars(program, setCode);
  registerPlausibility(program, setCode);
  registerCapacity(program, setCode);
  registerRetention(program, setCode);
  registerShadow(program, setCode);
  registerScreenshots(program, setCode);
}
