/**
 * Public reference data (FEBRL, SNAP ego-Facebook) lives beside the repository in
 * ../shared/datasets/ (see its README); it is not copied into this repository. Tests that read
 * it run whenever it is there. Under CI (CI=true) it must be there: a missing folder fails
 * instead of skipping, so these tests cannot silently stop running.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const sharedDatasets = join(__dirname, '..', '..', 'shared', 'datasets');

export function hasSharedDataset(name: string): boolean {
  const dir = join(sharedDatasets, name);
  if (existsSync(dir)) return true;
  if (process.env.CI) throw new Error(`reference data set missing under CI: ${dir}`);
  console.warn(`tests on ${name} skipped: ${dir} is not there (see ../shared/datasets/README.md)`);
  return false;
}
