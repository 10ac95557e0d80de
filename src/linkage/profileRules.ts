/**
 * The declared comparisons and blocking rules of profile linkage: records are the matching
 * area's `PreparedProfile`s compared with its declared comparisons (avatar, name, employer,
 * title, school, tags: same / basically the same / different / missing), blocked by the rules
 * below.
 */
import type { Comparison } from '../compare/comparison';
import { defaultComparisons } from '../matching/levels';
import type { PreparedProfile } from '../matching/profile';
import type { BlockingRule } from './blocking';

/** Blocking rules on prepared profiles: name, pinyin initials + employer, school + surname, avatar-hash prefix. */
export function profileBlockingRules(options: { avatarPrefixHex?: number; schoolOnly?: boolean } = {}): BlockingRule<PreparedProfile>[] {
  const hex = options.avatarPrefixHex ?? 5;
  const rules: BlockingRule<PreparedProfile>[] = [
    { name: 'name', description: 'same normalised name (NFKC, simplified, no spaces)', key: (p) => p.name.text || null, fields: ['name'] },
    {
      name: 'initials+employer',
      description: 'same pinyin initials of the name and the same normalised employer (region, industry, legal form stripped)',
      key: (p) => (p.name.syllables.length && p.employer.key ? `${p.name.syllables.map((s) => s[0]).join('')}|${p.employer.key}` : null),
      fields: ['name', 'employer'],
    },
    {
      name: 'school+surname',
      description: 'same normalised school and same first character of the name',
      key: (p) => (p.school.key && p.name.text ? `${p.school.key}|${[...p.name.text][0]}` : null),
      fields: ['school', 'name'],
    },
    {
      name: 'avatar-prefix',
      description: `same first ${hex * 4} bits (${hex} hex digits) of the avatar perceptual hash`,
      key: (p) => (p.avatar ? p.avatar.slice(0, hex) : null),
      fields: ['avatar'],
    },
  ];
  if (options.schoolOnly) {
    rules.push({ name: 'school', description: 'same normalised school alone (explodes: one university pairs everyone from it)', key: (p) => p.school.key || null, fields: ['school'] });
  }
  return rules;
}

/** The matching area's default comparisons (avatar, name, employer, title, school, tags). */
export function profileComparisons(): Comparison<PreparedProfile>[] {
  return defaultComparisons();
}
