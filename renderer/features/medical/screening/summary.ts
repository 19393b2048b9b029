import type { TFunction } from 'i18next';
import type { ScreeningTest } from '../../../../shared/medical/common';
import { TB_SYMPTOMS, URINE_PANEL, type ScreeningResults } from '../../../../shared/medical/screening';

/** One test's result as a short line: "Dương tính", "MET, THC dương tính", "Mạch 88 · HA 120/80 mmHg". */
export function summarize(t: TFunction, test: ScreeningTest, results: ScreeningResults): string {
  switch (test) {
    case 'tb': {
      const tb = results.tb;
      if (!tb) return '';
      const present = TB_SYMPTOMS.filter((s) => tb[s]);
      return present.length ? `${t('screening.positive')}: ${present.map((s) => t(`screening.tbSymptoms.${s}`)).join(', ')}` : t('screening.tbNegative');
    }
    case 'urine': {
      const urine = results.urine;
      if (!urine) return '';
      const positive = URINE_PANEL.filter((c) => urine[c] === 'positive');
      const negative = URINE_PANEL.filter((c) => urine[c] === 'negative');
      const parts: string[] = [];
      if (positive.length) parts.push(`${t('screening.positive')}: ${positive.join(', ')}`);
      if (negative.length) parts.push(`${t('screening.negative')}: ${negative.join(', ')}`);
      return parts.join(' · ');
    }
    case 'vitals': {
      const v = results.vitals;
      if (!v) return '';
      const num = (n: number) => String(n).replace('.', t('screening.decimal'));
      const parts: string[] = [];
      if (v.pulse !== null) parts.push(t('screening.pulseShort', { value: v.pulse }));
      if (v.systolic !== null && v.diastolic !== null) parts.push(t('screening.bp', { systolic: v.systolic, diastolic: v.diastolic }));
      if (v.temperature !== null) parts.push(t('screening.temperatureShort', { value: num(v.temperature) }));
      if (v.respiratoryRate !== null) parts.push(t('screening.respiratoryShort', { value: v.respiratoryRate }));
      if (v.weightKg !== null) parts.push(t('screening.weightShort', { value: num(v.weightKg) }));
      return parts.join(' · ');
    }
    default: {
      const r = results[test];
      return r ? t(`screening.serology.${r}`) : '';
    }
  }
}
