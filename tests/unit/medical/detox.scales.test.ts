import { describe, expect, it } from 'vitest';
import { AWQ, bandOf, BUILT_IN_SCALES, CIWA_AR, COWS, scaleDefinitionSchema, scaleMax, scaleTotal, type Answers, type ScaleDefinition } from '../../../shared/medical/scales';

/** Every item answered with its highest option. */
function maxAnswers(s: ScaleDefinition): Answers {
  return Object.fromEntries(s.items.map((i) => [i.id, i.options.at(-1)!.points]));
}

describe('built-in withdrawal scales', () => {
  it('are valid definitions with the published item counts and maxima', () => {
    for (const s of BUILT_IN_SCALES) expect(scaleDefinitionSchema.safeParse(s).success, s.id).toBe(true);
    expect([COWS.items.length, scaleMax(COWS)]).toEqual([11, 48]);
    expect([CIWA_AR.items.length, scaleMax(CIWA_AR)]).toEqual([10, 67]);
    expect([AWQ.items.length, scaleMax(AWQ)]).toEqual([10, 40]);
    expect(new Set(BUILT_IN_SCALES.map((s) => s.id)).size).toBe(3);
  });

  it('COWS items carry their exact option points', () => {
    const points = Object.fromEntries(COWS.items.map((i) => [i.id, i.options.map((o) => o.points)]));
    expect(points).toEqual({
      pulse: [0, 1, 2, 4],
      sweating: [0, 1, 2, 3, 4],
      restlessness: [0, 1, 3, 5],
      pupils: [0, 1, 2, 5],
      aches: [0, 1, 2, 4],
      rhinorrhea: [0, 1, 2, 4],
      gi: [0, 1, 2, 3, 5],
      tremor: [0, 1, 2, 4],
      yawning: [0, 1, 2, 4],
      anxiety: [0, 1, 2, 4],
      gooseflesh: [0, 3, 5],
    });
  });

  it('CIWA-Ar: nine items 0–7 and orientation 0–4; AWQ: ten items 0–4', () => {
    for (const item of CIWA_AR.items) {
      expect(item.options.map((o) => o.points)).toEqual(item.id === 'orientation' ? [0, 1, 2, 3, 4] : [0, 1, 2, 3, 4, 5, 6, 7]);
    }
    for (const item of AWQ.items) expect(item.options.map((o) => o.points)).toEqual([0, 1, 2, 3, 4]);
    expect(AWQ.bands).toEqual([]);
  });

  it('every item and option is labelled in Vietnamese and English', () => {
    for (const s of BUILT_IN_SCALES) {
      for (const item of s.items) {
        expect(item.label.vi && item.label.en).toBeTruthy();
        for (const o of item.options) expect(o.label.vi.trim() && o.label.en.trim()).toBeTruthy();
      }
    }
  });
});

describe('totals and bands', () => {
  it('a COWS assessment with one item missing (or null) has no total', () => {
    const all = maxAnswers(COWS);
    expect(scaleTotal(COWS, all)).toBe(48);
    const { gooseflesh: _g, ...missing } = all;
    expect(scaleTotal(COWS, missing)).toBeNull();
    expect(scaleTotal(COWS, { ...all, pulse: null })).toBeNull();
    expect(scaleTotal(COWS, Object.fromEntries(COWS.items.map((i) => [i.id, 0])))).toBe(0);
  });

  it('an answer keyed by an inherited property name does not count as answered', () => {
    const s: ScaleDefinition = { ...AWQ, items: [{ ...AWQ.items[0]!, id: 'constructor' }] };
    expect(scaleTotal(s, {})).toBeNull();
  });

  it('COWS bands at their boundaries', () => {
    const label = (t: number) => bandOf(COWS, t)?.label.en;
    expect([4, 5, 12, 13, 24, 25, 36, 37, 48].map(label)).toEqual([
      'No active withdrawal',
      'Mild',
      'Mild',
      'Moderate',
      'Moderate',
      'Moderately severe',
      'Moderately severe',
      'Severe',
      'Severe',
    ]);
  });

  it('CIWA-Ar bands at their boundaries; AWQ has none', () => {
    const label = (t: number) => bandOf(CIWA_AR, t)?.label.en;
    expect([0, 7, 8, 14, 15, 67].map(label)).toEqual(['Minimal', 'Minimal', 'Moderate', 'Moderate', 'Severe', 'Severe']);
    expect(bandOf(AWQ, 20)).toBeNull();
  });
});

describe('scale definition schema (a facility form added as data)', () => {
  const form: ScaleDefinition = {
    id: 'tt18-stimulant',
    name: { vi: 'Mẫu TT18', en: 'Circular 18 form' },
    description: { vi: 'Theo dõi cai chất kích thích', en: 'Stimulant withdrawal monitoring' },
    items: [
      { id: 'sleep', label: { vi: 'Mất ngủ', en: 'Insomnia' }, options: [{ points: 0, label: { vi: 'Không', en: 'No' } }, { points: 2, label: { vi: 'Có', en: 'Yes' } }] },
      { id: 'mood', label: { vi: 'Trầm cảm', en: 'Low mood' }, options: [{ points: 0, label: { vi: 'Không', en: 'No' } }, { points: 3, label: { vi: 'Có', en: 'Yes' } }] },
    ],
    bands: [
      { min: 0, max: 2, severity: 0, label: { vi: 'Nhẹ', en: 'Mild' } },
      { min: 3, max: null, severity: 3, label: { vi: 'Nặng', en: 'Severe' } },
    ],
  };
  const codes = (d: unknown) => {
    const r = scaleDefinitionSchema.safeParse(d);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it('accepts a well-formed form', () => {
    expect(codes(form)).toEqual([]);
  });

  it('refuses duplicate item ids, options not ascending, overlapping or out-of-range bands, bad ids', () => {
    expect(codes({ ...form, items: [form.items[0], form.items[0]] })).toEqual(['items.1.id:duplicateItem']);
    const sameOption = { ...form.items[0]!, options: [form.items[0]!.options[0], form.items[0]!.options[0]] };
    expect(codes({ ...form, items: [sameOption, form.items[1]] })).toEqual(['items.0.options:optionsNotAscending']);
    expect(codes({ ...form, bands: [form.bands[0], { ...form.bands[1]!, min: 2 }] })).toEqual(['bands.1:bandsOverlap']);
    expect(codes({ ...form, bands: [{ ...form.bands[0]!, max: 6 }] })).toEqual(['bands.0:bandOutOfRange']);
    expect(codes({ ...form, id: 'Bad Id' })).toEqual(['id:invalidScaleId']);
    expect(codes({ ...form, name: { vi: '', en: 'x' } })).toEqual(['name.vi:required']);
  });
});
