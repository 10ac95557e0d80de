import { describe, expect, it } from 'vitest';
import * as matching from '../src/matching';
import { commandJson, expectSameFigures, notebookDefaults } from './surfaces';

describe('matching: notebook 01 and `profile-provenance match` give the same figures', () => {
  it('on the notebook defaults', async () => {
    const p = notebookDefaults('01-matching');
    const paths = {
      displayed: p.displayedPath as string, source: p.sourcePath as string, schoolAliases: p.schoolAliasesPath as string,
      employerAliases: p.employerAliasesPath as string, titleSynonyms: p.titleSynonymsPath as string,
      reference: (p.referencePath as string) || null,
    };
    const evidence = await matching.loadMatchingEvidence(paths, { answerKey: p.useAnswerKey ? [p.answerKeyPath as string] : null });
    const result = matching.analyseMatching(evidence, {
      ...matching.MATCHING_DEFAULTS,
      defaultAvatarHashes: String(p.defaultAvatarHashes).split(',').map((s) => s.trim()).filter((s) => s !== ''),
      strictness: p.strictness as number, permutations: p.permutations as number, seed: p.seed as number,
      dependence: p.dependence as matching.DependenceModel, simulationProfiles: p.simulationProfiles as number,
    });
    const cli = await commandJson('match', [
      '--displayed', paths.displayed, '--source', paths.source, '--school-aliases', paths.schoolAliases, '--employer-aliases', paths.employerAliases,
      '--title-synonyms', paths.titleSynonyms, '--truth', p.answerKeyPath as string, '--default-avatars', String(p.defaultAvatarHashes),
      '--strictness', String(p.strictness), '--permutations', String(p.permutations), '--seed', String(p.seed), '--dependence', String(p.dependence),
      '--simulation-profiles', String(p.simulationProfiles), ...(paths.reference ? ['--reference', paths.reference] : []),
    ]);
    expectSameFigures(result, cli, ['propositions', 'profiles', 'rates', 'baseline', 'levelProbabilities', 'dependence', 'sensitivity', 'validation', 'truth', 'parameters']);
    expect((cli.profiles as unknown[]).length).toBeGreaterThan(300);
  }, 300_000);
});
