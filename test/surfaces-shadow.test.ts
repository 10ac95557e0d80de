import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as shadow from '../src/shadow';
import { ROOT, runCli } from './cli-helpers';
import { expectSameFigures, notebookDefaults } from './surfaces';

describe('shadow: notebook 07 and `profile-provenance shadow` give the same figures', () => {
  it('on the notebook defaults; the key never appears in any output', async () => {
    const p = notebookDefaults('07-shadow');
    const key = p.hmacKey as string;
    const evidence = await shadow.loadShadowEvidence({ books: p.booksPath as string, users: p.usersPath as string, truth: [p.personsPath as string, p.tiesPath as string] }, { key });
    const params = {
      ...shadow.SHADOW_DEFAULTS, target: { phone: p.targetNumber as string }, asOf: p.asOf as string, theta: p.theta as number,
      smsRecommended: p.smsRecommended as number, exposurePersons: 500, exposureReps: 2, optionalUpload: p.optionalUploadProbability as number, seed: p.seed as number,
    };
    const result = shadow.analyseShadow(evidence, params);
    const out = join(ROOT, '.tmp', `surface-shadow-${process.pid}-${Date.now()}`);
    // The key from the environment (as advised), the answer key by the data set's convention (persons.csv + ties.csv).
    process.env.PP_HMAC_KEY = key;
    const r = await runCli([
      'shadow', '--quiet', '--books', p.booksPath as string, '--users', p.usersPath as string, '--target', p.targetNumber as string, '--as-of', params.asOf,
      '--theta', String(params.theta), '--exposure-persons', '500', '--exposure-reps', '2', '--seed', String(params.seed),
    ], out).finally(() => delete process.env.PP_HMAC_KEY);
    expect(r.code, r.stderr).toBe(0);
    const cli = JSON.parse(readFileSync(join(out, 'shadow.json'), 'utf8'));
    expectSameFigures(result, cli, ['loaded', 'profile', 'reach', 'population', 'sms', 'truth', 'exposure', 'parameters']);
    expect(cli.truth).not.toBeNull();
    expect(cli.parameters.target).toMatch(/^ph:[a-p]{16}$/);
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8')).not.toContain(key);
    expect(JSON.stringify(result)).not.toContain(key);
  });
});
