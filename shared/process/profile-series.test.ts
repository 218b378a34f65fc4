import { describe, expect, it } from 'vitest';
import { figureText, type FigureObservation, PROFILE_FIGURES, profileSeries } from './profile-series.js';

const obs = (date: string | null, source: FigureObservation['source'], values: FigureObservation['values'], documentId = `${source}-${date}`): FigureObservation => ({ date, source, documentId, values });

describe('the profile series', () => {
  it('sorts each figure by date and keeps one point per date, the evaluation over the diagnosis', () => {
    const series = profileSeries([
      obs('2026-05-25', 'evaluationAfter', { incubatees: 25 }),
      obs('2025-05-20', 'diagnosis', { incubatees: 18 }),
      obs('2024-03-01', 'diagnosis', { incubatees: 11 }),
      obs('2025-05-20', 'evaluationBefore', { incubatees: 19 }),
    ]);
    expect(series.map((s) => s.key)).toEqual(['incubatees']);
    expect(series[0]!.points).toEqual([
      { date: '2024-03-01', value: 11, source: 'diagnosis', documentId: 'diagnosis-2024-03-01' },
      { date: '2025-05-20', value: 19, source: 'evaluationBefore', documentId: 'evaluationBefore-2025-05-20' },
      { date: '2026-05-25', value: 25, source: 'evaluationAfter', documentId: 'evaluationAfter-2026-05-25' },
    ]);
  });

  it('skips missing, invalid and undated values, and leaves out a figure with none', () => {
    const series = profileSeries([
      obs('2025-01-01', 'diagnosis', { totalArea: null, mentors: Number.NaN, incubatees: undefined, seedFund: 300 }),
      obs(null, 'evaluationBefore', { mentors: 5 }),
      obs('2025-13-40', 'evaluationAfter', { mentors: 6 }),
      obs('2025-02-01', 'diagnosis', { mentors: Number.POSITIVE_INFINITY }),
    ]);
    expect(series.map((s) => s.key)).toEqual(['seedFund']);
    expect(series[0]!.points.map((p) => p.value)).toEqual([300]);
  });

  it('keeps ratios unrounded; only the words round them', () => {
    const [share] = profileSeries([obs('2025-05-20', 'diagnosis', { fundedShare: 7 / 18 })]);
    expect(share!.points[0]!.value).toBe(7 / 18);
    expect(figureText(share!, share!.points[0]!.value)).toBe('38.9%');
    expect(figureText(PROFILE_FIGURES[0]!, 8000.5)).toBe('8,000.5 m²');
  });

  it('charts at most the six figures of the profile, in their order', () => {
    const all = Object.fromEntries(PROFILE_FIGURES.map((f) => [f.key, 1]));
    expect(profileSeries([obs('2025-01-01', 'diagnosis', { ...all, graduates: 3 })]).map((s) => s.label)).toEqual(PROFILE_FIGURES.map((f) => f.label));
    expect(PROFILE_FIGURES.length).toBeLessThanOrEqual(6);
  });
});
