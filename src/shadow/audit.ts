/**
 * Message audit: given an invitation template and a shadow profile, render the message the
 * platform could send and list every personal datum it discloses, whose datum it is (the
 * recipient's, a third party's, or a relation between them), how the platform derived it and
 * from which uploaded records (file, row, column).
 *
 * The court's finding in the Wang Miao case turned on exactly this: the platform "computed the
 * plaintiff's relationship network from the users' information related to his number and,
 * without his consent, sent him a recommendation containing his own and his friends' names".
 *
 * Template placeholders: {recipientName}, {taggerRelation}, {tag}, {recommendedContacts},
 * {friend1}, {friend2}, {friend3}, {friendsWaiting}. `MAIMAI_SMS_TEMPLATE` is the SMS quoted
 * by the court (caseFacts.wangMiao.smsText) with its data replaced by placeholders; filling it
 * with the case's values gives the quoted text back exactly (tested).
 *
 * @example
 * const a = auditMessage(profile, { tag: { text: '有两把刷子', source: 'annotation by the tagging user (not in the books)' } });
 * a.displayMessage;   // names masked: 【脉脉职场】王**,有前同事标注你为...
 * a.disclosures;      // one row per datum with its sources
 */
import { maskName } from '../report/mask';
import type { HolderRecord, RelationLabel, ShadowProfile, SourceRef } from './profile';

export const MAIMAI_SMS_TEMPLATE =
  '【脉脉职场】{recipientName},有{taggerRelation}标注你为“{tag}”并向你推荐了{recommendedContacts}个职业人脉,{friend1}、{friend2}、{friend3}等{friendsWaiting}个好友也在脉脉等你,点击链接领取验证码,24小时有效。';

/** Chinese wording of each relation label, as an invitation would print it. */
export const RELATION_LABEL_ZH: Readonly<Record<RelationLabel, string>> = {
  'former colleague': '前同事',
  colleague: '同事',
  classmate: '同学',
  family: '家人',
  superior: '领导',
  service: '联系人',
  contact: '好友',
};

/** Replace {key} placeholders; an unknown placeholder is an error (nothing is silently dropped). */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!(k in values)) throw new RangeError(`template placeholder {${k}} has no value`);
    return String(values[k]);
  });
}

/** Where a datum of the message comes from, in the terms of the case record. */
export type DatumOrigin =
  | 'fixed copywriting'
  | 'computed from address books'
  | "a user's rating (defendant's account)";

export interface Disclosure {
  placeholder: string;
  datum: string;
  /** Its origin: fixed copywriting, computed from address books, or a user's rating. */
  origin: DatumOrigin;
  about: 'recipient' | 'third party' | 'relation recipient–third party' | 'platform inference';
  /** As displayed here (names masked). */
  shown: string;
  derivation: string;
  /** Where it came from: file:row:column references (first few) and how many in all. */
  sources: string;
  sourceCount: number;
}

export interface MessageAudit {
  /** The message as the platform would send it (unmasked: do not display). */
  message: string;
  /** The same message with every name masked. */
  displayMessage: string;
  disclosures: Disclosure[];
  tagger: HolderRecord | null;
}

export interface AuditOptions {
  template?: string;
  /** The tag text and where it came from (a user's annotation is not address-book data). */
  tag?: { text: string; source: string };
  /** User id of the tagging holder; default the closest holder labelled (former) colleague, else the closest. */
  taggerUserId?: string;
  /**
   * The relation word of the message. Default: fixed copywriting '前同事', as the defendant
   * described it (使用了"同事"等短信文案); the audit then shows the label the platform COULD have
   * computed for the holder, beside it. { computed: true } prints the computed label instead.
   */
  relationWording?: { fixed: string } | { computed: true };
}

/** The case's fixed relation wording (defendant: "同事" was SMS copywriting). */
export const CASE_RELATION_WORDING = '前同事';

function refs(rs: SourceRef[], max = 3): string {
  const shown = rs.slice(0, max).map((r) => `${r.file}:${r.row}:${r.column}`).join('; ');
  return rs.length > max ? `${shown}; … (${rs.length} in all)` : shown;
}

export function auditMessage(profile: ShadowProfile, options: AuditOptions = {}): MessageAudit {
  const template = options.template ?? MAIMAI_SMS_TEMPLATE;
  const wording = options.relationWording ?? { fixed: CASE_RELATION_WORDING };
  const holders = profile.holders;
  const tagger =
    (options.taggerUserId ? holders.find((h) => h.userId === options.taggerUserId) : undefined) ??
    holders.find((h) => h.label === 'former colleague' || h.label === 'colleague') ??
    holders[0] ??
    null;
  const friends = profile.namedFriends;
  const raw: Record<string, string | number> = {
    recipientName: profile.name.value ?? '',
    taggerRelation: wording && 'fixed' in wording ? wording.fixed : tagger ? RELATION_LABEL_ZH[tagger.label] : '',
    tag: options.tag?.text ?? '',
    recommendedContacts: profile.recommended.count,
    friend1: friends[0]?.userName ?? '',
    friend2: friends[1]?.userName ?? '',
    friend3: friends[2]?.userName ?? '',
    friendsWaiting: profile.friendsWaiting,
  };
  const masked = { ...raw, recipientName: maskName(String(raw.recipientName)), friend1: maskName(String(raw.friend1)),
    friend2: maskName(String(raw.friend2)), friend3: maskName(String(raw.friend3)) };
  const used = new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
  const holderRefs = holders.map((h) => h.source);
  const rows: Disclosure[] = [];
  // The delivery address is itself a disclosure: the platform holds the recipient's number.
  rows.push({
    placeholder: '(recipient address)', datum: "recipient's phone number", origin: 'computed from address books', about: 'recipient',
    shown: profile.token, derivation: 'read from uploaded address books; the recipient never gave it to the platform',
    sources: refs(holderRefs.map((r) => ({ ...r, column: 'phone' }))), sourceCount: holderRefs.length,
  });
  const add = (key: string, d: Omit<Disclosure, 'placeholder'>) => { if (used.has(key)) rows.push({ placeholder: `{${key}}`, ...d }); };
  add('recipientName', {
    datum: "recipient's name", origin: 'computed from address books', about: 'recipient', shown: String(masked.recipientName),
    derivation: `most frequent full name in holders' saved names (${profile.name.votes} of ${profile.name.of})`,
    sources: refs(profile.name.sources), sourceCount: profile.name.sources.length,
  });
  if (tagger) {
    const emp = profile.employer;
    const computed = tagger.labelBasis.includes('employer') && emp
      ? `employer ${emp.value} listed by ${emp.votes} of ${emp.of} holders, and it is this holder's ${tagger.label === 'former colleague' ? 'former ' : ''}employer`
      : tagger.labelBasis;
    const fixed = 'fixed' in wording;
    add('taggerRelation', {
      datum: `relation word for a holder (${tagger.userId}) of the recipient's number`, origin: fixed ? 'fixed copywriting' : 'computed from address books',
      about: fixed ? 'platform inference' : 'relation recipient–third party',
      shown: String(raw.taggerRelation),
      derivation: fixed
        ? `fixed SMS copywriting, not a relation computed for the recipient (defendant: 使用了“同事”等短信文案); what the platform could have computed for this holder: ${tagger.label} (${computed})`
        : `platform inference: ${computed}`,
      sources: refs([tagger.source, { ...tagger.profileSource, column: tagger.label === 'former colleague' ? 'former_employer' : 'employer' },
        ...(emp ? holders.filter((h) => emp.holders.includes(h.userId) && h !== tagger).map((h) => ({ ...h.profileSource, column: 'employer/former_employer' })) : [])]),
      sourceCount: 1 + (emp?.votes ?? 0),
    });
  }
  add('tag', {
    datum: "a user's annotation of the recipient", origin: "a user's rating (defendant's account)", about: 'recipient', shown: String(raw.tag),
    derivation: options.tag?.source ?? 'not in the address-book data', sources: tagger ? `${tagger.userId}` : '', sourceCount: tagger ? 1 : 0,
  });
  add('recommendedContacts', {
    datum: "size of the recipient's computed second-degree network", origin: 'computed from address books', about: 'platform inference',
    shown: String(raw.recommendedContacts),
    derivation: `users whose closeness-weighted common friends with the recipient reach theta = ${profile.recommended.theta} (src/shadow/closeness.ts)`,
    sources: refs(holderRefs), sourceCount: holderRefs.length,
  });
  friends.forEach((f, i) => {
    add(`friend${i + 1}`, {
      datum: `third party's name (holder ${f.userId}) and the fact that they hold the recipient's number`, origin: 'computed from address books', about: 'third party',
      shown: maskName(f.userName),
      derivation: `holder ranked ${i + 1} by closeness c(h) = ${f.closeness.toFixed(3)}; name from the holder's profile`,
      sources: refs([f.source, f.profileSource]), sourceCount: 2,
    });
  });
  add('friendsWaiting', {
    datum: 'number of registered users holding the recipient\'s number', origin: 'computed from address books', about: 'recipient',
    shown: String(raw.friendsWaiting), derivation: 'distinct uploaders whose book holds the number',
    sources: refs(holderRefs), sourceCount: holderRefs.length,
  });
  return { message: fillTemplate(template, raw), displayMessage: fillTemplate(template, masked), disclosures: rows, tagger };
}
