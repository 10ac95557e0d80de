/** The per-inference commands (match, link, avatars, plausibility, capacity, retention, shadow). */
import type { Command } from 'commander';

export function registerAreaCommands(_program: Command, _setCode: (c: number) => void): void {
  // Filled in as each area's command lands.
}
