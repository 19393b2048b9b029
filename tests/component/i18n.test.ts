import { describe, expect, it } from 'vitest';
import { ADMISSION_TYPES, EDUCATION_LEVELS, PHASES, RELEASE_KINDS, SEXES, SUBSTANCES, TRAINEE_DETAIL_FIELDS, TRAINEE_STATUSES } from '../../shared/admissions';
import { CORE_ISSUE_CODES, ERROR_CODES } from '../../shared/errors';
import { EVENT_TYPES } from '../../shared/events';
import { ROLES } from '../../shared/roles';
import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const catalogs = { vi: leaves(vi), en: leaves(en) };

/** Validation message keys used in shared schemas and by the core. */
const VALIDATION_KEYS = [
  'required',
  'invalidDate',
  'tooLong',
  'invalidChoice',
  'invalidIdNumber',
  'invalidPhone',
  'decisionRequired',
  'plannedReleaseBeforeAdmission',
  'admissionBeforeBirth',
  'invalidUsername',
  'passwordTooShort',
  'passwordsDiffer',
  'rolesRequired',
  'invalidId',
  'dateInFuture',
  'releaseBeforeAdmission',
];

const REQUIRED: string[] = [
  ...ERROR_CODES.map((c) => `errors.${c}`),
  ...VALIDATION_KEYS.map((k) => `validation.${k}`),
  ...CORE_ISSUE_CODES.map((k) => `validation.${k}`),
  ...SEXES.map((v) => `enums.sex.${v}`),
  ...ADMISSION_TYPES.map((v) => `enums.admissionType.${v}`),
  ...RELEASE_KINDS.map((v) => `enums.releaseKind.${v}`),
  ...TRAINEE_STATUSES.map((v) => `enums.status.${v}`),
  ...EDUCATION_LEVELS.map((v) => `enums.educationLevel.${v}`),
  ...SUBSTANCES.map((v) => `enums.substance.${v}`),
  ...PHASES.map((v) => `enums.phase.${v}`),
  ...ROLES.map((v) => `enums.role.${v}`),
  ...Object.keys(EVENT_TYPES).map((v) => `enums.eventType.${v}`),
  ...TRAINEE_DETAIL_FIELDS.map((f) => `fields.${f}`),
];

describe('message catalogs', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    const viKeys = [...catalogs.vi.keys()].sort();
    const enKeys = [...catalogs.en.keys()].sort();
    expect(viKeys.filter((k) => !catalogs.en.has(k))).toEqual([]);
    expect(enKeys.filter((k) => !catalogs.vi.has(k))).toEqual([]);
  });

  it('have no empty messages', () => {
    for (const [lang, map] of Object.entries(catalogs)) {
      const empty = [...map.entries()].filter(([, v]) => v.trim() === '').map(([k]) => `${lang}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it('label every error code, validation key, enum value, event type and trainee field', () => {
    for (const [lang, map] of Object.entries(catalogs)) {
      expect(REQUIRED.filter((k) => !map.has(k)).map((k) => `${lang}:${k}`)).toEqual([]);
    }
  });

  it('find every validation message key written in the shared schemas', async () => {
    const sources = import.meta.glob('../../shared/**/*.ts', { query: '?raw', import: 'default', eager: true });
    const used = new Set<string>();
    for (const text of Object.values(sources) as string[]) {
      for (const m of text.matchAll(/(?:message:\s*|error:\s*|, )'([a-z][A-Za-z]+)'\)?/g)) used.add(m[1]!);
    }
    const candidates = [...used].filter((k) => /^(required|invalid[A-Z]\w*|tooLong|\w+Required|\w+Before\w+|password\w+)$/.test(k));
    expect(candidates.length).toBeGreaterThan(5);
    expect(candidates.filter((k) => !catalogs.vi.has(`validation.${k}`))).toEqual([]);
  });

  it('write Vietnamese with its diacritics', () => {
    expect(vi.nav.roster).toBe('Học viên');
    expect(vi.fields.fileNumber).toBe('Số hồ sơ');
    expect(vi.fields.idNumber).toBe('Số CCCD');
    expect(vi.enums.admissionType).toEqual({ compulsory: 'Bắt buộc', voluntary: 'Tự nguyện' });
    expect(vi.signIn.title).toBe('Đăng nhập');
  });
});
