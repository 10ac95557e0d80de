/**
 * Display rows of a profile-linkage run: one row per displayed profile with its linked source
 * account, and how the name term-frequency adjustment moved linked pairs. Names masked unless
 * asked.
 */
import type { PreparedProfile, ProfileRow } from '../matching/profile';
import { maskName } from '../report/mask';
import { levelWeight } from './estimate';
import type { ProfileLinkRun } from './profileLink';
import type { DisplayedRow } from './profileTables';
import { tfAdjustment } from './score';

/**
 * One row per displayed profile: its linked source account (if any), the posterior probability
 * and a status: 'confident' (>= confidentThreshold), 'probable' (>= the link threshold) or
 * 'no source account found'. Names are masked (`maskName`) unless `unmasked`.
 */
export function linkedProfileRows(
  tables: { displayed: PreparedProfile[]; source: PreparedProfile[]; displayedRows: DisplayedRow[]; sourceRows: ProfileRow[] },
  run: ProfileLinkRun,
  options: { confidentThreshold: number; unmasked?: boolean },
): Array<Record<string, unknown>> {
  const show = (s: string | null | undefined) => (options.unmasked ? (s ?? '') : maskName(s ?? ''));
  return tables.displayedRows.map((d, i) => {
    const p = run.pairOfLeft[i]!;
    const j = p >= 0 ? run.result.pairs.right[p]! : -1;
    const prob = run.probabilityOfLeft[i]!;
    return {
      display_id: d.display_id,
      uploader: d.uploader,
      'displayed name': show(d.name),
      'source account': j >= 0 ? tables.sourceRows[j]!.id : '',
      'source name': j >= 0 ? show(tables.sourceRows[j]!.name) : '',
      probability: Number.isNaN(prob) ? null : prob,
      'match weight': p >= 0 ? run.result.scores.matchWeight[p]! : null,
      status: j < 0 ? 'no source account found' : prob >= options.confidentThreshold ? 'confident' : 'probable',
    };
  });
}

/**
 * How the name term-frequency adjustment moved linked pairs: for accepted pairs whose names
 * agree, the name, how many source accounts carry it, and log2(u / tf(name)). Most common first.
 */
export function nameFrequencyRows(
  tables: { displayed: PreparedProfile[]; source: PreparedProfile[] },
  run: ProfileLinkRun,
  options: { limit?: number; unmasked?: boolean } = {},
): Array<Record<string, unknown>> {
  const r = run.result;
  const f = r.model.fields.findIndex((x) => x.name === 'name');
  if (f < 0 || !r.tf.fields[f]) return [];
  const inSource = new Map<string, number>();
  for (const p of tables.source) if (p.name.text) inSource.set(p.name.text, (inSource.get(p.name.text) ?? 0) + 1);
  const seen = new Set<string>();
  const rows: Array<Record<string, unknown>> = [];
  const F = r.model.fields.length;
  for (const p of run.assignment.accepted) {
    const level = r.gamma[p * F + f]!;
    const name = tables.displayed[r.pairs.left[p]!]!.name.text;
    if (seen.has(name) || level !== r.tf.fields[f]!.level) continue;
    seen.add(name);
    rows.push({
      name: options.unmasked ? name : maskName(name),
      'source accounts with this name': inSource.get(name) ?? 0,
      'name weight without TF': levelWeight(r.model, f, level),
      'TF adjustment log2(u / tf)': tfAdjustment(r.model, r.tf, f, level, r.pairs.left[p]!, r.pairs.right[p]!),
    });
  }
  rows.sort((a, b) => (b['source accounts with this name'] as number) - (a['source accounts with this name'] as number));
  const limit = options.limit ?? 5;
  return rows.length <= 2 * limit ? rows : [...rows.slice(0, limit), ...rows.slice(-limit)];
}
