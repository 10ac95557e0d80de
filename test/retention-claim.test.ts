import { describe, expect, it } from 'vitest';
import { addDays, claimCompletionDate, claimedRemaining, daysBetween, validateClaim, validateObservation, type DeletionClaim } from '../src/retention/claim';

const claim: DeletionClaim = {
  contractEnd: '2014-08-31',
  stages: [{ date: '2014-11-30', shareDeleted: 0.3 }, { date: '2015-01-31', shareDeleted: 0.4 }, { date: '2015-03-31', shareDeleted: 0.3 }],
};

describe('claimed schedule', () => {
  it('remaining share is a step function; a stage counts from the end of its day', () => {
    expect(claimedRemaining(claim, '2014-09-15')).toBe(1);
    expect(claimedRemaining(claim, '2014-11-29')).toBe(1);
    expect(claimedRemaining(claim, '2014-11-30')).toBe(0.7);
    expect(claimedRemaining(claim, '2015-02-01')).toBe(0.3);
    expect(claimedRemaining(claim, '2015-03-31')).toBe(0);
    expect(claimedRemaining(claim, '2016-01-01')).toBe(0);
  });
  it('completion date is the stage where the shares reach 100%', () => {
    expect(claimCompletionDate(claim)).toBe('2015-03-31');
    expect(claimCompletionDate({ ...claim, stages: claim.stages.slice(0, 2) })).toBeNull();
  });
  it('refuses stages out of order, before the contract end, or over 100%', () => {
    expect(() => validateClaim({ ...claim, stages: [claim.stages[1]!, claim.stages[0]!] })).toThrow(/date order/);
    expect(() => validateClaim({ ...claim, stages: [{ date: '2014-08-01', shareDeleted: 0.5 }] })).toThrow(/before the contract end/);
    expect(() => validateClaim({ ...claim, stages: [{ date: '2014-10-01', shareDeleted: 0.7 }, { date: '2014-11-01', shareDeleted: 0.7 }] })).toThrow(/more than all/);
    expect(() => validateClaim({ ...claim, stages: [{ date: '2014-10-01', shareDeleted: -0.1 }] })).toThrow(/shareDeleted/);
    expect(() => validateClaim({ ...claim, contractEnd: '2014-02-30' })).toThrow();
  });
  it('observations must have 0 <= sourceOrigin <= inspected, whole numbers', () => {
    expect(() => validateObservation({ date: '2015-01-01', label: 'x', inspected: 10, sourceOrigin: 11 })).toThrow(/exceeds/);
    expect(() => validateObservation({ date: '2015-01-01', label: 'x', inspected: 0, sourceOrigin: 0 })).toThrow(/inspected/);
    expect(() => validateObservation({ date: '2015-01-01', label: 'x', inspected: 10, sourceOrigin: -1 })).toThrow(/sourceOrigin/);
  });
  it('CST day arithmetic across month and year ends', () => {
    expect(daysBetween('2014-08-31', '2015-03-31')).toBe(212);
    expect(daysBetween('2014-12-31', '2015-01-01')).toBe(1);
    expect(addDays('2014-08-31', 1)).toBe('2014-09-01');
    expect(addDays('2015-02-28', 1)).toBe('2015-03-01');
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
  });
});
