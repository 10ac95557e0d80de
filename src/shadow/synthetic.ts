/**
 * Seeded synthetic population of phone owners for the non-user (Wang Miao) case: persons with
 * employers, former employers and schools; true social ties with a relation and a closeness;
 * the names each person saved the others under; registration on the platform over time
 * (upload of the address book mandatory at sign-up until 2019-01, optional after); and the
 * uploaded address books the platform received.
 *
 * One person, the target (person 0), never registers. His circle is planted so that on the
 * SMS date the platform's data reproduce the case's two figures (caseFacts.wangMiao: 36
 * friends waiting, 119 recommended contacts at the default threshold) and the case's finding
 * that the friends named in the SMS were acquaintances, not former colleagues: 16 of his
 * registered acquaintances (a sports club) used to work at the same large employer, so the
 * platform infers that employer for him and labels them "former colleagues". The planting is
 * conditioning, stated in the output (`target.attempts`): circle draws are repeated with
 * derived seeds until the counts equal the case's.
 *
 * Everything is synthetic. Phone numbers are 11-digit strings in the block 19900xxxxxx
 * (mobile format, so normalisation is exercised); to our knowledge the Chinese numbering plan
 * reserves no range for fiction, so these may be real subscribers' numbers: never dial them. Employer and
 * school names are invented.
 *
 * @example
 * const world = generateContactsWorld({ seed: 8 });
 * world.persons.length;         // 1500
 * world.target.friendsWaiting;  // 36
 */
import { aliasSampler, deriveSeed, randomInt, seededRandom, shuffleInPlace, type Rng } from '../stats/random';
import { SURNAMES_BY_RANK } from '../text/surnames';
import { DEFAULT_THETA, weightedGraph, recommendContacts, type WeightedCsr } from './closeness';
import { parseSavedName } from './lexicon';
import { wangMiao } from '../case/wangMiao';

export type TruthRelation = 'family' | 'friend' | 'colleague' | 'former colleague' | 'classmate' | 'acquaintance';

export interface SynPerson {
  index: number;
  personId: string;
  name: string;
  surname: string;
  /** 11-digit mobile number (synthetic block 19900xxxxxx). */
  phone: string;
  /** Home landline as written, e.g. '0553-6012345', or null. */
  landline: string | null;
  employer: string;
  formerEmployer: string | null;
  school: string;
  /** School as shown on the platform profile (users may leave it empty). */
  profileSchool: string | null;
  registeredAt: number | null;
  uploadedAt: number | null;
  userId: string | null;
}

export interface SynTie {
  a: number;
  b: number;
  relation: TruthRelation;
  closeness: number;
}

export interface SynSave {
  /** Person index of the number's owner, or -1 for a service number. */
  contact: number;
  /** True when the number saved is the contact's landline. */
  landline: boolean;
  savedName: string;
  /** The number as written in the book. */
  phoneText: string;
}

export interface ContactsWorldConfig {
  seed: number;
  persons: number;
  employers: number;
  /** ISO datetimes (+08:00). */
  launch: string;
  smsDate: string;
  mandatoryUntil: string;
  end: string;
  /** Median registration date of those who ever register, and logistic scale in days. */
  adoptionMidpoint: string;
  adoptionScaleDays: number;
  /** Share of persons who never register. */
  neverShare: number;
  /** Probability that a user registering after `mandatoryUntil` uploads the book. */
  optionalUploadProbability: number;
  /** Probability that a tie's number is saved in each direction. */
  saveProbability: number;
  /** Mean ties per person by relation (colleague, former colleague, classmate, friend, acquaintance). */
  ties: { colleague: number; former: number; classmate: number; friend: number; acquaintance: number };
  /** Plant the non-user target (person 0); null for a population without target. */
  target: TargetPlan | null;
}

export interface TargetPlan {
  name: string;
  /** Figures to reproduce on the SMS date (from caseFacts.wangMiao). */
  friendsWaiting: number;
  recommendedContacts: number;
  /** Threshold of the recommendation estimator (closeness.ts). */
  theta: number;
  /** Surnames of the three friends the SMS names (the report: 刘某、戴某、王某). */
  namedSurnames: [string, string, string];
  /** Circle size by role and how many of each are registered holders on the SMS date. */
  roles: Record<TargetRole, { total: number; holders: number }>;
  maxAttempts: number;
}

export type TargetRole = 'family' | 'colleague' | 'former' | 'classmate' | 'friend' | 'club' | 'acquaintance';

export const DEFAULT_TARGET_PLAN: TargetPlan = {
  name: '王明远',
  friendsWaiting: wangMiao.friendsWaiting.value,
  recommendedContacts: wangMiao.recommendedContacts.value,
  theta: DEFAULT_THETA,
  namedSurnames: ['刘', '戴', '王'],
  roles: {
    family: { total: 4, holders: 1 },
    colleague: { total: 6, holders: 2 },
    former: { total: 4, holders: 1 },
    classmate: { total: 8, holders: 5 },
    friend: { total: 6, holders: 4 },
    club: { total: 16, holders: 16 },
    acquaintance: { total: 14, holders: 7 },
  },
  maxAttempts: 4000,
};

export const DEFAULT_WORLD_CONFIG: ContactsWorldConfig = {
  seed: 8,
  persons: 1500,
  employers: 40,
  launch: '2013-10-25T00:00:00+08:00',
  smsDate: `${wangMiao.smsDate.value}T00:00:00+08:00`,
  mandatoryUntil: `${wangMiao.uploadMandatoryUntil.value}-01T00:00:00+08:00`,
  end: '2020-12-31T23:59:59+08:00',
  adoptionMidpoint: '2018-01-15T00:00:00+08:00',
  adoptionScaleDays: 330,
  neverShare: 0.35,
  optionalUploadProbability: 0.4,
  saveProbability: 0.9,
  ties: { colleague: 7, former: 3, classmate: 4, friend: 3, acquaintance: 5 },
  target: DEFAULT_TARGET_PLAN,
};

export interface ContactsWorld {
  config: ContactsWorldConfig;
  persons: SynPerson[];
  ties: SynTie[];
  /** saves[i]: the entries of person i's address book (whether or not i uploads it). */
  saves: SynSave[][];
  employers: string[];
  schools: string[];
  target: null | {
    index: number;
    /** Persons chosen for each role. */
    roles: Record<TargetRole, number[]>;
    named: [number, number, number];
    /** The employer the platform will infer (the club's former employer). */
    clubEmployer: string;
    friendsWaiting: number;
    recommendedContacts: number;
    attempts: number;
  };
}

// ----------------------------------------------------------------------------------------
// Vocabulary (invented)

/** The 40 most common surnames of the project's one table (src/text/surnames.ts), with their shares as weights. */
const SURNAME_WEIGHTS = SURNAMES_BY_RANK.slice(0, 40);
const GIVEN_CHARS = Array.from('伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红鹏辉建国海燕波宁浩宇晨欣怡佳琪俊博文斌志远晓飞雪梅琳娟婷楠帆');
const EMPLOYER_HEADS = Array.from('星远蓝金华云恒北青启东南中鼎同德泰和嘉安');
const EMPLOYER_TAILS = ['河科技', '航数据', '海传媒', '桥咨询', '辰制造', '图物流', '信证券', '辰地产', '松医疗', '明软件'];
const SCHOOLS = [
  '东江大学', '北辰理工学院', '南岭师范大学', '西湖财经学院', '中原工业大学', '青川医科大学', '海滨大学', '云岭农业大学',
  '长河交通大学', '白山外国语学院', '江南艺术学院', '塞北科技大学', '滨海政法学院', '天府信息工程学院', '洞庭大学', '燕北师范学院',
];
const KIN = ['妈', '爸', '哥哥', '姐姐', '舅舅', '姨', '老婆', '老公', '弟弟', '妹妹', '叔叔', '姑姑'];
const HOBBIES = ['羽毛球', '健身', '跑团', '装修', '驾校', '钓鱼'];
const SERVICE: Array<[string, string]> = [
  ['10086', '中国移动客服'], ['95588', '工行'], ['12306', '铁路订票'], ['4008123123', '客服热线'],
];

const DAY = 86_400_000;

/** Beijing-time ISO string with seconds and zone, as the io module's datetime type expects. */
export function beijingIso(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
}

/** Generate the world. Pure: the same config gives the same world. */
export function generateContactsWorld(partial: Partial<ContactsWorldConfig> = {}): ContactsWorld {
  const config: ContactsWorldConfig = { ...DEFAULT_WORLD_CONFIG, ...partial };
  const { seed, persons: n } = config;
  if (!Number.isInteger(n) || n < 50) throw new RangeError('persons must be an integer >= 50');
  if (n > 1_000_000) throw new RangeError('persons must be <= 1,000,000 (6-digit phone block)');
  const rng = (label: string): Rng => seededRandom(deriveSeed(seed, label));

  // Employers: Zipf-like sizes; employer 0 is the largest (the club's former employer).
  const employers: string[] = [];
  for (let e = 0; e < config.employers; e++) {
    employers.push(EMPLOYER_HEADS[e % EMPLOYER_HEADS.length]! + EMPLOYER_TAILS[Math.floor(e / EMPLOYER_HEADS.length) % EMPLOYER_TAILS.length]!);
  }
  const empSampler = aliasSampler(employers.map((_, e) => 1 / Math.pow(e + 1, 0.8)));
  const schools = SCHOOLS.slice();
  const schoolSampler = aliasSampler(schools.map((_, s) => 1 / Math.pow(s + 1, 0.5)));
  const surnameSampler = aliasSampler(SURNAME_WEIGHTS.map((w) => w[1]));

  // Persons.
  const rp = rng('persons');
  const launch = Date.parse(config.launch);
  const end = Date.parse(config.end);
  const mid = Date.parse(config.adoptionMidpoint);
  const mandatoryUntil = Date.parse(config.mandatoryUntil);
  const persons: SynPerson[] = [];
  for (let i = 0; i < n; i++) {
    const surname = SURNAME_WEIGHTS[surnameSampler(rp)]![0];
    const name = surname + randomGiven(rp);
    const employer = empSampler(rp);
    let former: number | null = null;
    if (rp() < 0.5) {
      former = empSampler(rp);
      if (former === employer) former = (employer + 1 + randomInt(rp, config.employers - 1)) % config.employers;
    }
    const school = schoolSampler(rp);
    const landline = rp() < 0.1 ? `0553-6${String((i * 4099 + 777) % 1_000_000).padStart(6, '0')}` : null;
    let registeredAt: number | null = null;
    if (rp() >= config.neverShare) {
      const u = Math.min(Math.max(rp(), 1e-9), 1 - 1e-9);
      const t = mid + config.adoptionScaleDays * DAY * Math.log(u / (1 - u));
      registeredAt = t < launch ? launch + rp() * 30 * DAY : t > end ? null : t;
      if (registeredAt !== null) registeredAt = Math.floor(registeredAt / 1000) * 1000;
    }
    let uploadedAt: number | null = null;
    if (registeredAt !== null && (registeredAt < mandatoryUntil || rp() < config.optionalUploadProbability)) {
      uploadedAt = registeredAt;
    }
    persons.push({
      index: i,
      personId: 'P' + String(i + 1).padStart(5, '0'),
      name,
      surname,
      phone: '19900' + String((i * 7919 + 12345) % 1_000_000).padStart(6, '0'),
      landline,
      employer: employers[employer]!,
      formerEmployer: former === null ? null : employers[former]!,
      school: schools[school]!,
      profileSchool: rp() < 0.7 ? schools[school]! : null,
      registeredAt,
      uploadedAt,
      userId: null,
    });
  }
  if (config.target) {
    // The target never registers and works for a small employer; his former employer is
    // neither his current one nor employer 0 (the club's).
    const t = persons[0]!;
    t.name = config.target.name;
    t.surname = Array.from(config.target.name)[0]!;
    t.registeredAt = null;
    t.uploadedAt = null;
    t.employer = employers[config.employers - 3]!;
    t.formerEmployer = employers[config.employers - 7]!;
    t.profileSchool = null;
  }

  // Generic ties (the target, if any, is left out and planted below).
  const first = config.target ? 1 : 0;
  const tieMap = new Map<number, SynTie>();
  const priority: Record<TruthRelation, number> = { family: 6, friend: 5, colleague: 4, 'former colleague': 3, classmate: 2, acquaintance: 1 };
  const closenessOf: Record<TruthRelation, number> = { family: 0.9, friend: 0.7, colleague: 0.5, 'former colleague': 0.35, classmate: 0.4, acquaintance: 0.2 };
  const rt = rng('ties');
  const addTie = (a: number, b: number, relation: TruthRelation): void => {
    if (a === b) return;
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const key = lo * n + hi;
    const prev = tieMap.get(key);
    if (prev && priority[prev.relation] >= priority[relation]) return;
    const closeness = Math.round(Math.min(1, Math.max(0.05, closenessOf[relation] + (rt() - 0.5) * 0.2)) * 100) / 100;
    tieMap.set(key, { a: lo, b: hi, relation, closeness });
  };
  // Family groups of 3-5.
  const order = Array.from({ length: n - first }, (_, j) => j + first);
  shuffleInPlace(rt, order);
  for (let j = 0; j < order.length;) {
    const size = 3 + randomInt(rt, 3);
    const group = order.slice(j, j + size);
    for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) addTie(group[x]!, group[y]!, 'family');
    j += size;
  }
  const byEmployer = groupBy(persons, first, (p) => [p.employer]);
  const byAnyEmployer = groupBy(persons, first, (p) => (p.formerEmployer ? [p.employer, p.formerEmployer] : [p.employer]));
  const bySchool = groupBy(persons, first, (p) => [p.school]);
  const community = (i: number): number => Math.floor(i / 100);
  const pois = (mean: number): number => poisson(rt, mean);
  for (let i = first; i < n; i++) {
    const p = persons[i]!;
    pickFrom(rt, byEmployer.get(p.employer)!, pois(config.ties.colleague), i).forEach((j) => addTie(i, j, 'colleague'));
    if (p.formerEmployer) {
      pickFrom(rt, byAnyEmployer.get(p.formerEmployer)!, pois(config.ties.former), i).forEach((j) => addTie(i, j, 'former colleague'));
    }
    pickFrom(rt, bySchool.get(p.school)!, pois(config.ties.classmate), i).forEach((j) => addTie(i, j, 'classmate'));
    const c = community(i);
    const lo = Math.max(first, c * 100), hi = Math.min(n, lo + 100);
    for (let k = pois(config.ties.friend); k > 0; k--) addTie(i, lo + randomInt(rt, hi - lo), 'friend');
    for (let k = pois(config.ties.acquaintance); k > 0; k--) {
      addTie(i, rt() < 0.6 ? lo + randomInt(rt, hi - lo) : first + randomInt(rt, n - first), 'acquaintance');
    }
  }

  // Saved names for every directed tie (a saves b) that is saved.
  const rs = rng('saves');
  const saves: SynSave[][] = Array.from({ length: n }, () => []);
  const saveDir = (a: number, b: number, relation: TruthRelation, force = false): void => {
    if (!force && rs() >= config.saveProbability) return;
    const owner = persons[b]!;
    saves[a]!.push({ contact: b, landline: false, savedName: savedNameFor(rs, owner, relation, persons[a]!), phoneText: formatMobile(rs, owner.phone) });
    if (relation === 'family' && owner.landline && rs() < 0.5) {
      saves[a]!.push({ contact: b, landline: true, savedName: `${owner.name}家`, phoneText: formatLandline(rs, owner.landline) });
    }
  };
  const ties = [...tieMap.values()].sort((x, y) => x.a - y.a || x.b - y.b);
  for (const t of ties) {
    saveDir(t.a, t.b, t.relation);
    saveDir(t.b, t.a, t.relation);
  }
  for (let i = first; i < n; i++) {
    if (rs() < 0.3) {
      const [num, label] = SERVICE[randomInt(rs, SERVICE.length)]!;
      saves[i]!.push({ contact: -1, landline: false, savedName: label, phoneText: num });
    }
  }

  const world: ContactsWorld = { config, persons, ties, saves, employers, schools, target: null };
  if (config.target) plantTarget(world, config.target, rng);

  // User ids in registration order.
  const registered = persons.filter((p) => p.registeredAt !== null).sort((a, b) => a.registeredAt! - b.registeredAt! || a.index - b.index);
  registered.forEach((p, k) => (p.userId = 'U' + String(k + 1).padStart(5, '0')));
  return world;
}

function plantTarget(world: ContactsWorld, plan: TargetPlan, rng: (label: string) => Rng): void {
  const { persons, config } = world;
  const D = Date.parse(config.smsDate);
  const T = persons[0]!;
  const clubEmployer = world.employers[0]!;
  const holderPool = (p: SynPerson): boolean => p.uploadedAt !== null && p.uploadedAt < D;
  const rolePool: Record<TargetRole, (p: SynPerson) => boolean> = {
    family: () => true,
    colleague: (p) => p.employer === T.employer,
    former: (p) => p.employer === T.formerEmployer || p.formerEmployer === T.formerEmployer,
    classmate: (p) => p.school === T.school,
    friend: () => true,
    club: (p) => p.formerEmployer === clubEmployer && p.employer !== T.employer && p.employer !== T.formerEmployer,
    acquaintance: (p) => p.employer !== clubEmployer && p.formerEmployer !== clubEmployer,
  };
  const roleOrder: TargetRole[] = ['club', 'colleague', 'former', 'classmate', 'family', 'friend', 'acquaintance'];
  const relationOf: Record<TargetRole, TruthRelation> = {
    family: 'family', colleague: 'colleague', former: 'former colleague', classmate: 'classmate',
    friend: 'friend', club: 'acquaintance', acquaintance: 'acquaintance',
  };
  const totalHolders = Object.values(plan.roles).reduce((s, r) => s + r.holders, 0);
  if (totalHolders !== plan.friendsWaiting) {
    throw new RangeError(`target plan: role holders sum to ${totalHolders}, not friendsWaiting ${plan.friendsWaiting}`);
  }

  // The user graph on the SMS date (registered users, books uploaded before D), fixed across attempts.
  const n = persons.length;
  const active = persons.map((p) => p.registeredAt !== null && p.registeredAt < D);
  const baseEdges = userEdges(world, D);
  const named: number[] = [];
  const rn = rng('target/names');

  for (let attempt = 1; attempt <= plan.maxAttempts; attempt++) {
    const ra = seededRandom(deriveSeed(config.seed, `target/attempt/${attempt}`));
    const chosen = new Set<number>([0]);
    const roles = {} as Record<TargetRole, number[]>;
    const holderSet: number[] = [];
    let ok = true;
    for (const role of roleOrder) {
      const spec = plan.roles[role];
      const fits = (p: SynPerson): boolean => !chosen.has(p.index) && rolePool[role](p);
      const hs = sample(ra, persons.filter((p) => fits(p) && holderPool(p)).map((p) => p.index), spec.holders);
      hs.forEach((i) => chosen.add(i));
      const os = sample(ra, persons.filter((p) => fits(p) && !holderPool(p) && !(p.registeredAt !== null && p.registeredAt < D)).map((p) => p.index), spec.total - spec.holders);
      if (hs.length < spec.holders || os.length < spec.total - spec.holders) { ok = false; break; }
      os.forEach((i) => chosen.add(i));
      roles[role] = [...hs, ...os];
      holderSet.push(...hs);
    }
    if (!ok) throw new RangeError(`target plan: a role pool is too small (attempt ${attempt}); enlarge the population`);
    const club = roles.club.slice(0, plan.roles.club.holders);
    const namedNow = club.slice(0, 3) as [number, number, number];
    // Intimacy of the names holders saved the target under (decided per attempt, seeded).
    const savedNames = new Map<number, string>();
    for (const role of roleOrder) {
      for (const h of roles[role].slice(0, plan.roles[role].holders)) {
        savedNames.set(h, namedNow.includes(h)
          ? ['老' + T.surname, T.surname + '哥', '小' + T.surname][namedNow.indexOf(h)]!
          : savedNameFor(ra, T, relationOf[role], persons[h]!, role === 'club'));
      }
    }
    const holders = Int32Array.from(holderSet);
    const intimacy = Float64Array.from(holderSet, (h) => parseSavedName(savedNames.get(h)!).intimacy);
    // Club members know each other: extra mutual edges among them.
    const extra: Array<[number, number, number]> = [];
    for (let x = 0; x < club.length; x++) for (let y = x + 1; y < club.length; y++) extra.push([club[x]!, club[y]!, 1]);
    const graph = buildGraph(n, active, [...baseEdges, ...extra]);
    const r = recommendContacts({ holders, intimacy, graph, theta: plan.theta });
    const top3 = Array.from(holders.keys()).sort((x, y) => r.closeness[y]! - r.closeness[x]! || holders[x]! - holders[y]!).slice(0, 3).map((j) => holders[j]!);
    const namedTop = top3.every((h) => namedNow.includes(h));
    if (r.count !== plan.recommendedContacts || !namedTop) continue;

    // Accept: commit ties, saved names, renames (the SMS names 刘某、戴某、王某).
    const renamed = new Map<number, { oldFull: string; oldSurname: string }>();
    for (let k = 0; k < 3; k++) {
      const p = persons[namedNow[k]!]!;
      renamed.set(p.index, { oldFull: p.name, oldSurname: p.surname });
      p.surname = plan.namedSurnames[k]!;
      p.name = p.surname + randomGiven(rn);
      named.push(p.index);
    }
    // Others' books hold the renamed persons under their old names: rewrite those entries.
    for (const book of world.saves) {
      for (const s of book) {
        const old = s.contact >= 0 ? renamed.get(s.contact) : undefined;
        if (!old) continue;
        const p = persons[s.contact]!;
        s.savedName = s.savedName.includes(old.oldFull)
          ? s.savedName.split(old.oldFull).join(p.name)
          : s.savedName.replace(old.oldSurname, p.surname);
      }
    }
    const tieKeys = new Set(world.ties.map((t) => t.a * n + t.b));
    for (const role of roleOrder) {
      roles[role].forEach((j, k) => {
        const isHolder = k < plan.roles[role].holders;
        world.ties.push({ a: 0, b: j, relation: relationOf[role], closeness: role === 'family' ? 0.9 : role === 'club' ? 0.3 : role === 'friend' ? 0.7 : 0.4 });
        if (isHolder) {
          world.saves[j]!.push({ contact: 0, landline: false, savedName: savedNames.get(j)!, phoneText: formatMobile(ra, T.phone) });
        } else if (ra() < config.saveProbability) {
          world.saves[j]!.push({ contact: 0, landline: false, savedName: savedNameFor(ra, T, relationOf[role], persons[j]!), phoneText: formatMobile(ra, T.phone) });
        }
      });
    }
    for (let x = 0; x < club.length; x++) {
      for (let y = x + 1; y < club.length; y++) {
        const a = Math.min(club[x]!, club[y]!), b = Math.max(club[x]!, club[y]!);
        const saved = (from: number, to: number) => world.saves[from]!.some((s) => s.contact === to && !s.landline);
        if (!tieKeys.has(a * n + b)) world.ties.push({ a, b, relation: 'acquaintance', closeness: 0.3 });
        for (const [f, t] of [[a, b], [b, a]] as const) {
          if (!saved(f, t)) world.saves[f]!.push({ contact: t, landline: false, savedName: `${persons[t]!.name}(羽毛球)`, phoneText: formatMobile(ra, persons[t]!.phone) });
        }
      }
    }
    world.ties.sort((x, y) => x.a - y.a || x.b - y.b);
    world.target = {
      index: 0,
      roles,
      named: named as [number, number, number],
      clubEmployer,
      friendsWaiting: holders.length,
      recommendedContacts: r.count,
      attempts: attempt,
    };
    return;
  }
  throw new RangeError(`target plan: no circle draw in ${plan.maxAttempts} attempts reproduced ${plan.friendsWaiting}/${plan.recommendedContacts}`);
}

/** Edges among registered users on date D from uploaded books: weight 1 mutual, 1/2 one-way. */
export function userEdges(world: Pick<ContactsWorld, 'persons' | 'saves'>, D: number): Array<[number, number, number]> {
  const { persons, saves } = world;
  const n = persons.length;
  const isUser = (i: number): boolean => persons[i]!.registeredAt !== null && persons[i]!.registeredAt! < D;
  const uploaded = (i: number): boolean => persons[i]!.uploadedAt !== null && persons[i]!.uploadedAt! < D && isUser(i);
  const dir = new Map<number, number>();
  for (let a = 0; a < n; a++) {
    if (!uploaded(a)) continue;
    for (const s of saves[a]!) {
      const b = s.contact;
      if (b < 0 || s.landline || b === a || !isUser(b)) continue;
      const lo = Math.min(a, b), hi = Math.max(a, b);
      const bit = a === lo ? 1 : 2;
      dir.set(lo * n + hi, (dir.get(lo * n + hi) ?? 0) | bit);
    }
  }
  const out: Array<[number, number, number]> = [];
  for (const [k, bits] of dir) out.push([Math.floor(k / n), k % n, bits === 3 ? 1 : 0.5]);
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** The user graph among active users: the one CSR builder of the area (closeness.ts). */
function buildGraph(n: number, active: boolean[], edges: Array<[number, number, number]>): WeightedCsr {
  return weightedGraph(n, edges.filter(([u, v]) => active[u] && active[v]));
}

// ----------------------------------------------------------------------------------------
// Helpers

function randomGiven(r: Rng): string {
  const len = r() < 0.65 ? 2 : 1;
  let s = '';
  for (let k = 0; k < len; k++) s += GIVEN_CHARS[randomInt(r, GIVEN_CHARS.length)]!;
  return s;
}

function groupBy(persons: SynPerson[], first: number, keys: (p: SynPerson) => string[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (let i = first; i < persons.length; i++) {
    for (const k of keys(persons[i]!)) {
      let l = m.get(k);
      if (!l) m.set(k, (l = []));
      l.push(i);
    }
  }
  return m;
}

function pickFrom(r: Rng, pool: number[], k: number, self: number): number[] {
  const out: number[] = [];
  if (pool.length <= 1) return out;
  for (let t = 0; t < k; t++) {
    const j = pool[randomInt(r, pool.length)]!;
    if (j !== self) out.push(j);
  }
  return out;
}

function sample(r: Rng, pool: number[], k: number): number[] {
  if (k <= 0) return [];
  const a = pool.slice();
  shuffleInPlace(r, a);
  return a.slice(0, k);
}

function poisson(r: Rng, mean: number): number {
  const L = Math.exp(-mean);
  let k = 0;
  let p = r();
  while (p > L) { k++; p *= r(); }
  return k;
}

function short(org: string): string {
  return Array.from(org).slice(0, 2).join('');
}

/** How `owner` appears in `saver`'s book, given their true relation. */
function savedNameFor(r: Rng, owner: SynPerson, relation: TruthRelation, saver: SynPerson, club = false): string {
  const full = owner.name;
  const s = owner.surname;
  const x = r();
  const nick = (): string => [`小${s}`, `老${s}`, `${s}哥`, `${s}姐`][randomInt(r, 4)]!;
  if (club) return x < 0.7 ? full : `${full}(羽毛球)`;
  switch (relation) {
    case 'family':
      return x < 0.7 ? KIN[randomInt(r, KIN.length)]! : full;
    case 'colleague':
      return x < 0.55 ? full : x < 0.7 ? nick() : x < 0.8 ? `${s}总` : x < 0.9 ? `${full} 同事` : `${full}(${short(owner.employer)})`;
    case 'former colleague':
      return x < 0.5 ? full : x < 0.7 ? `老同事${full}` : x < 0.8 ? `${full}-前同事` : x < 0.9 ? nick() : `${full}(${short(saver.formerEmployer ?? owner.employer)})`;
    case 'classmate':
      return x < 0.55 ? full : x < 0.75 ? `大学同学${full}` : x < 0.9 ? nick() : `${full}(${short(owner.school)})`;
    case 'friend':
      return x < 0.5 ? full : x < 0.9 ? nick() : `${full}(${HOBBIES[randomInt(r, HOBBIES.length)]!})`;
    case 'acquaintance':
      return x < 0.7 ? full : x < 0.9 ? `${full}(${HOBBIES[randomInt(r, HOBBIES.length)]!})` : `${s}师傅`;
  }
}

function formatMobile(r: Rng, d: string): string {
  const x = r();
  if (x < 0.6) return d;
  if (x < 0.75) return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
  if (x < 0.85) return `+86 ${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
  if (x < 0.93) return `0086 ${d}`;
  return `(+86)${d}`;
}

function formatLandline(r: Rng, l: string): string {
  const [area, local] = l.split('-') as [string, string];
  const x = r();
  if (x < 0.6) return l;
  if (x < 0.8) return `(${area})${local}`;
  return `+86 ${area.slice(1)} ${local}`;
}
