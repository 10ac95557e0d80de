/**
 * Observation model: which nodes' attributes the platform knows. A node is a registered user
 * with probability `registeredShare` (platform users / population); a registered user's field
 * is known if he filled it in himself (`selfReport[field]`) or, for a user who logged in with
 * Weibo (`weiboShare` of registered users), if the field is one the Weibo login returned
 * (`weiboFields`). Everything else is unknown to the platform.
 *
 * Case figures (FACTS.md, Weibo v. Maimai): 800,000 registered users in August 2014, about 20%
 * via Weibo login; the Weibo OpenAPI gave avatar, name and tags, not occupation or education.
 * The population the users' contacts are drawn from is NOT a case figure: it is an assumption
 * (`DEFAULT_POPULATION_ASSUMPTION`) that the notebook varies.
 *
 * @example
 * const obs = observe(sim.values, { registeredShare: 0.2, seed: 1 });
 * obs.known.employer[5]; // => the employer id if node 5 is registered and reported it, else -1
 */
import { weiboMaimai } from '../case';
import { deriveSeed, seededRandom } from '../stats/random';

/** Maimai registered users, August 2014 (`pp.caseFacts.weiboMaimai.registeredUsersAug2014`: 800,000). */
export const CASE_REGISTERED_USERS_AUG_2014: number = weiboMaimai.registeredUsersAug2014.value;
/** Share of Maimai users who joined via Weibo login (`pp.caseFacts.weiboMaimai.shareViaWeiboLogin`: about 20%). */
export const CASE_SHARE_VIA_WEIBO_LOGIN: number = weiboMaimai.shareViaWeiboLogin.value;
/**
 * ASSUMPTION (not from the case): size of the population whose contacts and profiles matter,
 * 100 million (order of magnitude of urban professionals reachable by address books).
 * With it the default registered share is 800,000 / 100,000,000 = 0.8%.
 */
export const DEFAULT_POPULATION_ASSUMPTION = 100_000_000;

export interface ObservationParams {
  /** Share of nodes who are registered users. Default: platformUsers / population. */
  registeredShare?: number;
  /** Registered users (default: the case's 800,000). Used only when registeredShare is not given. */
  platformUsers?: number;
  /** Population (default: DEFAULT_POPULATION_ASSUMPTION). Used only when registeredShare is not given. */
  population?: number;
  /** Share of registered users who logged in with Weibo (default: the case's 0.20). */
  weiboShare?: number;
  /** Probability that a registered user self-reports each field (default `DEFAULT_SELF_REPORT`; missing fields: 1). */
  selfReport?: Record<string, number>;
  /** Fields the Weibo login returned (default ['tags']: the API gave avatar, name, tags). */
  weiboFields?: string[];
  seed: number;
}

/** ASSUMPTION: self-report rates on a professional network (generous: most users fill in their job). */
export const DEFAULT_SELF_REPORT: Readonly<Record<string, number>> = Object.freeze({
  city: 0.9,
  employer: 0.9,
  title: 0.9,
  school: 0.7,
  tags: 0.3,
});

export interface Observation {
  /** 1 = registered user. */
  registered: Uint8Array;
  /** 1 = registered via Weibo login. */
  weibo: Uint8Array;
  /** Known value per field (-1 = unknown to the platform). */
  known: Record<string, Int32Array>;
  registeredShare: number;
  registeredCount: number;
}

/** The registered share implied by a platform size and a population. */
export function registeredShareFor(platformUsers: number, population: number): number {
  if (!(platformUsers >= 0) || !(population > 0) || platformUsers > population) {
    throw new RangeError(`need 0 <= platformUsers <= population, got ${platformUsers} / ${population}`);
  }
  return platformUsers / population;
}

/** Draw which nodes are registered and which of their fields the platform knows. */
export function observe(values: Record<string, Int32Array>, params: ObservationParams): Observation {
  const fields = Object.keys(values);
  if (fields.length === 0) throw new RangeError('observe: no attributes');
  const n = values[fields[0]!]!.length;
  const share =
    params.registeredShare ??
    registeredShareFor(params.platformUsers ?? CASE_REGISTERED_USERS_AUG_2014, params.population ?? DEFAULT_POPULATION_ASSUMPTION);
  if (!(share >= 0 && share <= 1)) throw new RangeError(`registeredShare must be in [0, 1], got ${share}`);
  const weiboShare = params.weiboShare ?? CASE_SHARE_VIA_WEIBO_LOGIN;
  const weiboFields = new Set(params.weiboFields ?? ['tags']);
  const selfReport = { ...DEFAULT_SELF_REPORT, ...(params.selfReport ?? {}) };
  const rng = seededRandom(deriveSeed(params.seed, 'registered'));
  const registered = new Uint8Array(n);
  const weibo = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (rng() < share) {
      registered[i] = 1;
      count++;
      if (rng() < weiboShare) weibo[i] = 1;
    }
  }
  const known: Record<string, Int32Array> = {};
  for (const f of fields) {
    const v = values[f]!;
    const p = selfReport[f] ?? 1;
    const viaWeibo = weiboFields.has(f);
    const r = seededRandom(deriveSeed(params.seed, `known:${f}`));
    const k = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (!registered[i]) continue;
      const self = r() < p;
      if (self || (viaWeibo && weibo[i])) k[i] = v[i]!;
    }
    known[f] = k;
  }
  return { registered, weibo, known, registeredShare: share, registeredCount: count };
}

/**
 * Hide a share of labelled nodes (the Mislove et al. protocol): returns labels with
 * `1 - knownShare` of the labelled nodes set to -1, and the hidden node ids.
 */
export function hideLabels(labels: Int32Array, knownShare: number, seed: number): { known: Int32Array; hidden: Int32Array } {
  if (!(knownShare >= 0 && knownShare <= 1)) throw new RangeError(`knownShare must be in [0, 1], got ${knownShare}`);
  const rng = seededRandom(deriveSeed(seed, 'hide'));
  const known = labels.slice();
  const hidden: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! < 0) continue;
    if (rng() >= knownShare) {
      known[i] = -1;
      hidden.push(i);
    }
  }
  return { known, hidden: Int32Array.from(hidden) };
}
