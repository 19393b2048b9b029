import type { TFunction } from 'i18next';
import type { TraineeSummary } from '../../../shared/admissions';
import { formatDate } from '../../../shared/dates';
import type { CsvColumn } from '../../components/csvExport';
import { label } from '../trainees/format';

const yesNo = (t: TFunction, v: boolean) => (v ? t('csv.yes') : t('csv.no'));

/**
 * The roster as CSV: the table's columns and release date, hospital stays, and — only when the core
 * sent them to this person (null otherwise) — separate housing and work restrictions, never why.
 */
export function rosterCsvColumns(t: TFunction, rows: readonly TraineeSummary[]): CsvColumn<TraineeSummary>[] {
  const columns: CsvColumn<TraineeSummary>[] = [
    { header: t('fields.fileNumber'), value: (r) => r.fileNumber },
    { header: t('fields.fullName'), value: (r) => r.fullName },
    { header: t('fields.sex'), value: (r) => label.sex(t, r.sex) },
    { header: t('fields.dateOfBirth'), value: (r) => formatDate(r.dateOfBirth) },
    { header: t('fields.admissionType'), value: (r) => label.admissionType(t, r.admissionType) },
    { header: t('fields.admissionDate'), value: (r) => formatDate(r.admissionDate) },
    { header: t('fields.plannedReleaseDate'), value: (r) => formatDate(r.plannedReleaseDate) },
    { header: t('fields.phase'), value: (r) => label.phase(t, r.phase) },
    { header: t('fields.status'), value: (r) => label.status(t, r.status) },
    { header: t('fields.releaseDate'), value: (r) => formatDate(r.releaseDate) },
    { header: t('flags.badges.atHospital'), value: (r) => yesNo(t, r.atHospital) },
  ];
  if (rows.some((r) => r.separateHousing !== null)) {
    columns.push(
      { header: t('flags.badges.separateHousing'), value: (r) => yesNo(t, r.separateHousing === true) },
      { header: t('flags.badges.restrictionsLabel'), value: (r) => (r.workRestrictions ?? []).map((w) => t(`flags.restrictions.${w}`)).join('; ') },
    );
  }
  return columns;
}
