import { describe, expect, it } from 'vitest';
import {
  CST_OFFSET_MINUTES, calendarFields, cstDateKey, cstMonthKey, dayBounds, daysInMonth, formatTimestamp, hourOfDay,
  monthBounds, monthRange, parseTimestamp, secondsInMonth,
} from '../src/capacity/time';

describe('parseTimestamp: explicit zones, CST (UTC+8) by default', () => {
  it('reads text without an offset as China Standard Time', () => {
    expect(CST_OFFSET_MINUTES).toBe(480);
    // 2014-07-31 23:59:59 in Beijing is 15:59:59 UTC
    expect(parseTimestamp('2014-07-31 23:59:59')).toBe(Date.UTC(2014, 6, 31, 15, 59, 59));
    expect(parseTimestamp('2014-07-31T23:59:59')).toBe(Date.UTC(2014, 6, 31, 15, 59, 59));
    // a bare date is local midnight
    expect(parseTimestamp('2014-08-01')).toBe(Date.UTC(2014, 6, 31, 16, 0, 0));
  });
  it('honours Z and explicit offsets in all three spellings', () => {
    const utc = Date.UTC(2014, 6, 31, 16, 30, 0);
    expect(parseTimestamp('2014-07-31T16:30:00Z')).toBe(utc);
    expect(parseTimestamp('2014-08-01T00:30:00+08:00')).toBe(utc);
    expect(parseTimestamp('2014-08-01T00:30:00+0800')).toBe(utc);
    expect(parseTimestamp('2014-08-01T00:30:00+08')).toBe(utc);
    expect(parseTimestamp('2014-07-31T12:30:00-04:00')).toBe(utc);
    expect(parseTimestamp('2014-07-31T16:30:00.250Z')).toBe(utc + 250);
  });
  it('uses a stated default offset instead of CST when asked (never the machine zone)', () => {
    expect(parseTimestamp('2014-08-01 00:30:00', { defaultOffsetMinutes: 0 })).toBe(Date.UTC(2014, 7, 1, 0, 30));
  });
  it('refuses impossible dates and times and other text', () => {
    expect(() => parseTimestamp('2014-02-29 10:00:00')).toThrow(/day out of range/);
    expect(() => parseTimestamp('2014-13-01')).toThrow(/month out of range/);
    expect(() => parseTimestamp('2014-07-01 24:00:00')).toThrow(/time out of range/);
    expect(() => parseTimestamp('07/01/2014 10:00')).toThrow(/not an ISO 8601/);
    expect(() => parseTimestamp('1404144000')).toThrow(/not an ISO 8601/);
    expect(parseTimestamp('2016-02-29')).toBe(Date.UTC(2016, 1, 28, 16));
  });
});

describe('calendar keys in CST around midnight UTC and month ends', () => {
  it('a request at 16:30 UTC on 31 July is on 1 August in Beijing', () => {
    const t = Date.UTC(2014, 6, 31, 16, 30);
    expect(cstDateKey(t)).toBe('2014-08-01');
    expect(cstMonthKey(t)).toBe('2014-08');
    expect(cstDateKey(t, 0)).toBe('2014-07-31'); // in UTC it would still be July
    expect(cstMonthKey(t, 0)).toBe('2014-07');
    expect(hourOfDay(t)).toBe(0);
  });
  it('one second before CST midnight stays in July', () => {
    const t = Date.UTC(2014, 6, 31, 15, 59, 59);
    expect(cstDateKey(t)).toBe('2014-07-31');
    expect(cstMonthKey(t)).toBe('2014-07');
    expect(hourOfDay(t)).toBe(23);
  });
  it('midnight UTC is 08:00 the same day in CST', () => {
    const t = Date.UTC(2015, 0, 1, 0, 0);
    expect(cstDateKey(t)).toBe('2015-01-01');
    expect(hourOfDay(t)).toBe(8);
    expect(calendarFields(t).hour).toBe(8);
  });
  it('year end: 31 Dec 16:00 UTC is New Year in Beijing', () => {
    const t = Date.UTC(2014, 11, 31, 16, 0);
    expect(cstMonthKey(t)).toBe('2015-01');
    expect(cstMonthKey(t - 1)).toBe('2014-12');
  });
  it('month bounds start at CST midnight of day 1', () => {
    expect(monthBounds('2014-08')).toEqual([Date.UTC(2014, 6, 31, 16), Date.UTC(2014, 7, 31, 16)]);
    expect(monthBounds('2014-12')).toEqual([Date.UTC(2014, 10, 30, 16), Date.UTC(2014, 11, 31, 16)]);
    expect(monthBounds('2014-02', 0)).toEqual([Date.UTC(2014, 1, 1), Date.UTC(2014, 2, 1)]);
    expect(dayBounds('2014-08-01')).toEqual([Date.UTC(2014, 6, 31, 16), Date.UTC(2014, 7, 1, 16)]);
    expect(() => monthBounds('2014-7')).toThrow();
    expect(() => dayBounds('2014-02-30')).toThrow(/out of range/);
  });
  it('days and seconds in months (leap years included)', () => {
    expect(daysInMonth(2014, 2)).toBe(28);
    expect(daysInMonth(2016, 2)).toBe(29);
    expect(daysInMonth(2014, 7)).toBe(31);
    expect(secondsInMonth('2014-07')).toBe(31 * 86400);
    expect(monthRange('2014-11', '2015-02')).toEqual(['2014-11', '2014-12', '2015-01', '2015-02']);
  });
  it('formats with the offset written out and round-trips', () => {
    const t = Date.UTC(2014, 6, 31, 16, 30, 5) + 123;
    const s = formatTimestamp(t, 480, true);
    expect(s).toBe('2014-08-01T00:30:05.123+08:00');
    expect(parseTimestamp(s)).toBe(t);
    expect(formatTimestamp(t, -300)).toBe('2014-07-31T11:30:05-05:00');
  });
});
