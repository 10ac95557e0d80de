import { describe, expect, it } from 'vitest';
import { decayAt, fitExponentialDecay, projectedCompletion } from '../src/retention/decay';
import { addDays } from '../src/retention/claim';
import { seededRandom } from '../src/stats/random';

describe('fitExponentialDecay', () => {
  it('one capture: closed form λ = -ln(k/n)/t; 50 of 100 after 100 days is a half-life of 100 days', () => {
    const fit = fitExponentialDecay('2014-08-31', [{ date: addDays('2014-08-31', 100), label: 'a', inspected: 100, sourceOrigin: 50 }]);
    expect(fit.lambda).toBeCloseTo(Math.LN2 / 100, 9);
    expect(fit.halfLifeDays).toBeCloseTo(100, 6);
    expect(fit.deviance).toBeCloseTo(0, 9);
    expect(fit.degreesOfFreedom).toBe(0);
    expect(fit.interval[0]).toBeLessThan(fit.lambda);
    expect(fit.interval[1]).toBeGreaterThan(fit.lambda);
  });
  it('profile-likelihood interval: the log-likelihood drops by χ²₁(0.95)/2 = 1.9207 at both ends', () => {
    const obs = [{ date: addDays('2014-08-31', 100), label: 'a', inspected: 100, sourceOrigin: 50 }];
    const fit = fitExponentialDecay('2014-08-31', obs);
    const ll = (l: number) => -50 * l * 100 + 50 * Math.log(1 - Math.exp(-l * 100));
    expect(fit.logLikelihood - ll(fit.interval[0])).toBeCloseTo(1.959964 ** 2 / 2, 5);
    expect(fit.logLikelihood - ll(fit.interval[1])).toBeCloseTo(1.959964 ** 2 / 2, 5);
  });
  it('recovers a known half-life from simulated captures, and the interval covers it', () => {
    const rng = seededRandom(17);
    const lambda = Math.LN2 / 180;
    const obs = [30, 90, 150, 210, 270].map((d, i) => {
      const n = 2000;
      let k = 0;
      for (let j = 0; j < n; j++) if (rng() < Math.exp(-lambda * d)) k++;
      return { date: addDays('2014-08-31', d), label: `c${i}`, inspected: n, sourceOrigin: k };
    });
    const fit = fitExponentialDecay('2014-08-31', obs);
    expect(fit.halfLifeDays).toBeGreaterThan(170);
    expect(fit.halfLifeDays).toBeLessThan(190);
    expect(fit.interval[0]).toBeLessThan(lambda);
    expect(fit.interval[1]).toBeGreaterThan(lambda);
    expect(fit.goodnessOfFitP).toBeGreaterThan(0.01);
    const boot = fitExponentialDecay('2014-08-31', obs, { method: 'bootstrap', replicates: 300, seed: 4 });
    expect(boot.lambda).toBe(fit.lambda);
    expect(boot.interval[0]).toBeLessThan(lambda);
    expect(boot.interval[1]).toBeGreaterThan(lambda);
    expect(boot.interval).toEqual(fitExponentialDecay('2014-08-31', obs, { method: 'bootstrap', replicates: 300, seed: 4 }).interval);
  });
  it('flags a bad fit: deletion that stopped (flat after a drop) is not exponential', () => {
    const obs = [30, 60, 120, 240, 360].map((d, i) => ({ date: addDays('2014-08-31', d), label: `c${i}`, inspected: 1000, sourceOrigin: d <= 30 ? 900 : 500 }));
    expect(fitExponentialDecay('2014-08-31', obs).goodnessOfFitP).toBeLessThan(1e-6);
  });
  it('edge cases: nothing deleted gives λ = 0 and an open-ended half-life; no capture after the end is refused', () => {
    const fit = fitExponentialDecay('2014-08-31', [{ date: '2014-12-01', label: 'a', inspected: 50, sourceOrigin: 50 }]);
    expect(fit.lambda).toBe(0);
    expect(fit.interval[0]).toBe(0);
    expect(fit.halfLifeInterval[1]).toBe(Infinity);
    expect(projectedCompletion(fit, 0.01).estimate).toBeNull();
    expect(() => fitExponentialDecay('2014-08-31', [{ date: '2014-08-01', label: 'a', inspected: 50, sourceOrigin: 50 }])).toThrow(/no observation after/);
  });
  it('projection: share below 1% at t = ln(100)/λ days', () => {
    const fit = fitExponentialDecay('2014-08-31', [{ date: addDays('2014-08-31', 100), label: 'a', inspected: 100, sourceOrigin: 50 }]);
    const p = projectedCompletion(fit, 0.01);
    expect(p.estimate).toBe(addDays('2014-08-31', Math.ceil(Math.log(100) / (Math.LN2 / 100))));
    expect(p.earliest! <= p.estimate!).toBe(true);
    expect(p.latest! >= p.estimate!).toBe(true);
    const at = decayAt(fit, addDays('2014-08-31', 200));
    expect(at.estimate).toBeCloseTo(0.25, 6);
    expect(at.lower).toBeLessThan(0.25);
    expect(at.upper).toBeGreaterThan(0.25);
  });
});
