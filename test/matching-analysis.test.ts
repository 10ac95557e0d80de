import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as matching from '../src/matching';

const dir = join(__dirname, '..', 'datasets', 'matching');
const paths = {
  displayed: join(dir, 'displayed.csv'), source: join(dir, 'source.csv'), schoolAliases: join(dir, 'school-aliases.csv'),
  employerAliases: join(dir, 'employer-aliases.csv'), titleSynonyms: join(dir, 'job-title-synonyms.csv'),
};
const quick = { ...matching.MATCHING_DEFAULTS, permutations: 99, simulationProfiles: 40, sensitivity: [0.8], rFactors: [0.5], nearBitsSensitivity: [], rareTagShareSensitivity: [] };

describe('analyseMatching', async () => {
  const evidence = await matching.loadMatchingEvidence(paths, { answerKey: [join(dir, 'truth.csv')] });
  it('counts displayed ids missing from the answer key instead of assuming them', () => {
    const dropped = new Set(evidence.displayed.slice(0, 7).map((d) => d.id));
    const r = matching.analyseMatching({ ...evidence, truth: evidence.truth!.filter((t) => !dropped.has(t.id)) }, quick);
    expect(r.truth!.missingFromKey).toBe(7);
    for (const row of r.truth!.rows) expect(row.unknown).toBe(7);
    for (const row of r.truth!.rows) expect(row.tp + row.fp + row.fn + row.tn + row.unknown).toBe(evidence.displayed.length);
  }, 120_000);
  it('with pairedBy, states the pairing in the method and beside the rates, and leaves the field out of the LRs', () => {
    const r = matching.analyseMatching(evidence, { ...quick, pairedBy: ['name'] });
    const report = matching.matchingReport(r);
    const text = (id: string) => { const b = report.sections.flatMap((s) => s.blocks).find((x) => x.id === id)!; return 'text' in b ? String(b.text) : ''; };
    expect(text('method')).toMatch(/found through name: this field agrees by selection/);
    expect(text('ratesStatement')).toMatch(/re-pairing does not reproduce that selection/);
    expect(Object.keys(r.profiles[0]!.provenance)).not.toContain('name');
    const plain = matching.analyseMatching(evidence, quick);
    expect(text('ratesStatement')).not.toBe('');
    expect(r.propositions.find((p) => p.id === 'unrelated')!.log10Lr).toBeLessThan(plain.propositions.find((p) => p.id === 'unrelated')!.log10Lr);
  }, 120_000);
  it('says how many agreeing profiles show one field only (their agreement speaks to that field alone)', () => {
    const only = new Set(evidence.displayed.slice(0, 5).map((d) => d.id));
    const displayed = evidence.displayed.map((d) => (only.has(d.id) ? { ...d, avatar_hash: null, employer: null, title: null, school: null, tags: null } : d));
    const r = matching.analyseMatching({ ...evidence, displayed }, quick);
    const one = r.profiles.filter((x) => x.fieldsShown === 1 && x.allShownAgree).length;
    expect(one).toBeGreaterThan(0);
    const report = matching.matchingReport(r);
    const b = report.sections.flatMap((s) => s.blocks).find((x) => x.id === 'ratesStatement')!;
    expect('text' in b ? String(b.text) : '').toContain(`${one} of the ${r.rates.overall.k} show${one > 1 ? '' : 's'} one field only`);
    const plainReport = matching.matchingReport(matching.analyseMatching(evidence, quick));
    const pb = plainReport.sections.flatMap((s) => s.blocks).find((x) => x.id === 'ratesStatement')!;
    expect('text' in pb ? String(pb.text) : '').not.toMatch(/one field only/);
  }, 120_000);
  it('splits every model\'s in-order tag mass by this evidence\'s own share of short lists, unless one is given', () => {
    const r = matching.analyseMatching(evidence, quick);
    const expected = (() => {
      const lists = evidence.source.filter((x) => evidence.displayed.some((d) => d.id === x.id)).map((x) => (x.tags ? String(x.tags).split(/[,，、;|/#\s]+/u).filter((t) => t !== '') : []));
      const withTags = lists.filter((l) => l.length > 0);
      return (withTags.filter((l) => l.length <= 2).length + 0.5) / (withTags.length + 1);
    })();
    expect(r.parameters.shortTagListShareUsed).toBeCloseTo(expected, 2);
    expect(r.parameters.copying.fields.tags!.shortListShare).toBe(r.parameters.shortTagListShareUsed);
    expect(r.parameters.alternatives['self-entry'].fields.tags!.shortListShare).toBe(r.parameters.shortTagListShareUsed);
    // the stated in-order chance per list length is unchanged by the split
    expect(matching.mostCopyLikeForm(r.parameters.alternatives['self-entry'].fields.tags!)![1]).toBeCloseTo(0.02, 12);
    const given = matching.analyseMatching(evidence, { ...quick, shortTagListShare: 0.4 });
    expect(given.parameters.shortTagListShareUsed).toBe(0.4);
    expect(given.parameters.copying.fields.tags!.form['short list in order']).toBeCloseTo(0.8 * 0.4, 12);
  }, 120_000);
  it('is JSON-serialisable, names no person, and reports every alternative per uploader network', () => {
    const r = matching.analyseMatching(evidence, quick);
    const json = JSON.stringify(r);
    expect(JSON.parse(json).propositions).toHaveLength(5);
    for (const name of evidence.displayed.slice(0, 20).map((d) => d.name).filter((n): n is string => !!n && [...n].length >= 2)) expect(json).not.toContain(name);
    expect(r.propositions.every((p) => p.perUploader.length === 3)).toBe(true);
    const blocks = matching.matchingReport(r).sections.flatMap((s) => s.blocks.map((b) => b.id));
    expect(blocks).toEqual(expect.arrayContaining(['propositions', 'byFieldsShown', 'provenanceLevels', 'validationStatement', 'truth', 'dependence', 'reproduction', 'copyingSensitivity', 'jointSensitivity', 'jointStatement', 'fieldContributions', 'avatarProcessing']));
    expect(r.sensitivity.avatarProcessing.map((x) => x.condition)).toEqual(['independent', 'uncropped']);
    // the edit-similarity threshold of "similar" moves too (on this set the combined figures do not move: few
    // profiles change level, and the combined figure is a median), and it is wired through: profiles change level
    const sim = r.sensitivity.levels.filter((x) => x.parameter === 'similarity');
    expect(sim.map((x) => x.value)).toEqual(matching.MATCHING_DEFAULTS.similaritySensitivity);
    const loose = matching.analyseMatching(evidence, { ...quick, similarity: 0.5 });
    const similar = (x: typeof r) => x.profiles.filter((pr) => Object.values(pr.provenance).includes('similar')).length;
    expect(similar(loose)).toBeGreaterThan(similar(r));
  }, 120_000);
  it('measures the self-entry model from a reference sample when one is given', () => {
    const ev = matching.generateSyntheticEvidence({ seed: 704 });
    const ref = matching.simulateUnderAlternative(evidence.displayed, evidence.source, matching.DEFAULT_ALTERNATIVES['self-entry'], ev.defaultAvatarHash, 5);
    const r = matching.analyseMatching({ ...evidence, reference: ref }, quick);
    const self = r.parameters.alternatives['self-entry'];
    expect(self.why).toMatch(/measured from the expert's reference sample \(\d+ people\)/);
    for (const fm of Object.values(self.fields)) expect(Object.values(fm.form).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.propositions.find((p) => p.id === 'self-entry')!.why).toBe(self.why);
  }, 120_000);
});
