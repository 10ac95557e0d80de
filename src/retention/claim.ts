/**
 * The inputs of the retention analysis: the contract end date, the claimed deletion schedule
 * and the dated observations (notarised captures), as plain data with validation.
 *
 * Definitions (said in every report):
 * - A claimed stage `{ date, shareDeleted }` says that by the END of `date` (CST) a further
 *   `shareDeleted` of the records held at the contract end had been deleted. The claimed
 *   share remaining at a date is 1 minus the shares of all stages on or before that date.
 * - An observation `{ date, inspected, sourceOrigin }` is a capture on `date` in which
 *   `inspected` records were examined, drawn from records that were of source-platform origin
 *   at the contract end (e.g. a panel of non-user profiles known to carry Weibo data in
 *   August 2014, or a random sample of them), and `sourceOrigin` of them still showed the
 *   source-platform data. So sourceOrigin / inspected estimates the share still present,
 *   directly comparable with the claimed share remaining.
 *
 * @example
 * const claim = { contractEnd: '2014-08-31', stages: [
 *   { date: '2014-11-30', shareDeleted: 0.3 }, { date: '2015-01-31', shareDeleted: 0.4 },
 *   { date: '2015-03-31', shareDeleted: 0.3 } ] };
 * claimedRemaining(claim, '2014-12-15')   // 0.7
 * claimedRemaining(claim, '2015-03-31')   // 0 (stages count from the end of their day)
 * claimCompletionDate(claim)              // '2015-03-31'
 */
import { dayBounds } from '../capacity/time';

export interface DeletionStage {
  /** 'YYYY-MM-DD' (CST): the stage is done by the end of this day. */
  date: string;
  /** Share (0-1) of the records held at the contract end deleted in this stage. */
  shareDeleted: number;
  note?: string;
}

export interface DeletionClaim {
  /** 'YYYY-MM-DD' (CST): the day the contract ended (deletion was due from then). */
  contractEnd: string;
  /** Stages in date order; shares sum to at most 1 (1 = deletion claimed complete). */
  stages: DeletionStage[];
  /** Who made the claim and where (for the report). */
  claimedBy?: string;
}

export interface RetentionObservation {
  /** 'YYYY-MM-DD' (CST) of the capture. */
  date: string;
  /** Label of the capture (e.g. the notarial certificate number). */
  label: string;
  /** Records inspected. */
  inspected: number;
  /** Of those, records still showing source-platform data. */
  sourceOrigin: number;
  /**
   * When the capture's date is known only as an interval (the court's "within months", 数月间):
   * the latest date it can have been made; `date` is then the earliest. Comparisons with the
   * claim use `date` (the earliest: the claim allows most then, so it is the reading most
   * favourable to the claim); the decay fit uses the middle of the interval.
   */
  dateLatest?: string;
  note?: string;
}

const DAY = 86_400_000;

/** Whole days from a to b (CST dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayBounds(b)[0] - dayBounds(a)[0]) / DAY);
}

/** Add whole days to a CST date. */
export function addDays(date: string, days: number): string {
  const t = dayBounds(date)[0] + Math.round(days) * DAY + 8 * 3600_000;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Throws a RangeError describing the first problem of a claim (the loader turns it into an EvidenceError). */
export function validateClaim(claim: DeletionClaim): void {
  dayBounds(claim.contractEnd);
  let total = 0;
  let prev = claim.contractEnd;
  claim.stages.forEach((s, i) => {
    try {
      dayBounds(s.date);
    } catch (err) {
      throw new RangeError(`stage ${i + 1}: ${(err as Error).message}`);
    }
    if (s.date < prev) throw new RangeError(`stage ${i + 1}: date ${s.date} is before ${i === 0 ? 'the contract end' : 'the previous stage'} (${prev}); stages must be in date order`);
    if (!(s.shareDeleted >= 0 && s.shareDeleted <= 1)) throw new RangeError(`stage ${i + 1}: shareDeleted must be in [0, 1], got ${s.shareDeleted}`);
    total += s.shareDeleted;
    prev = s.date;
  });
  if (total > 1 + 1e-9) throw new RangeError(`the stages delete ${total} of the records (more than all of them)`);
}

/** Claimed share remaining at the end of `date`. */
export function claimedRemaining(claim: DeletionClaim, date: string): number {
  let remaining = 1;
  for (const s of claim.stages) if (s.date <= date) remaining -= s.shareDeleted;
  return Math.max(0, Math.min(1, Math.round(remaining * 1e12) / 1e12));
}

/** The date by which the claim says deletion was complete, or null if the stages do not reach 100%. */
export function claimCompletionDate(claim: DeletionClaim): string | null {
  let remaining = 1;
  for (const s of claim.stages) {
    remaining -= s.shareDeleted;
    if (remaining <= 1e-9) return s.date;
  }
  return null;
}

/** Throws a RangeError describing the first problem of an observation. */
export function validateObservation(o: RetentionObservation, contractEnd?: string): void {
  dayBounds(o.date);
  if (!Number.isInteger(o.inspected) || o.inspected < 1) throw new RangeError(`inspected must be a whole number >= 1, got ${o.inspected}`);
  if (!Number.isInteger(o.sourceOrigin) || o.sourceOrigin < 0) throw new RangeError(`sourceOrigin must be a whole number >= 0, got ${o.sourceOrigin}`);
  if (o.sourceOrigin > o.inspected) throw new RangeError(`sourceOrigin (${o.sourceOrigin}) exceeds inspected (${o.inspected})`);
  if (o.dateLatest !== undefined) {
    dayBounds(o.dateLatest);
    if (o.dateLatest < o.date) throw new RangeError(`dateLatest (${o.dateLatest}) is before date (${o.date})`);
  }
  if (contractEnd !== undefined) dayBounds(contractEnd);
}

/** Days after the contract end used by the decay fit: the middle of the capture's date interval. */
export function fitDaysAfter(contractEnd: string, o: RetentionObservation): number {
  const a = daysBetween(contractEnd, o.date);
  return o.dateLatest === undefined ? a : (a + daysBetween(contractEnd, o.dateLatest)) / 2;
}
