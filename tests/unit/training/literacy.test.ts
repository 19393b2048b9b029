import { describe, expect, it } from 'vitest';
import { SenError } from '../../../shared/errors';
import {
  LEVEL_REQUIRES,
  SKILLS,
  currentLevels,
  deriveStatus,
  meets,
  observeInput,
  statusOf,
  type Skill,
  type SkillLevel,
  type SkillObservation,
} from '../../../shared/training/literacy';
import { complete, observe, type Enrolment, type TraineeFacts } from '../../../electron/core/training/literacy/decider';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const CLASS = '00000000-0000-4000-8000-0000000000c1';
const BATCH = '00000000-0000-4000-8000-0000000000b1';
const inCare: TraineeFacts = { status: 'in_care' };
const enrolled: Enrolment = { enrolledOn: '2026-03-01', leftOn: null };

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof SenError) return e.issues?.length ? `${e.code}:${e.issues.map((i) => `${i.path}=${i.code}`).join(',')}` : e.code;
    throw e;
  }
  return 'ok';
}

let seq = 0;
/** Every skill observed at `level` on `date` (one seq each, in order). */
const all = (level: SkillLevel, date: string): SkillObservation[] => SKILLS.map((skill) => ({ skill, level, date, seq: ++seq }));
const one = (skill: Skill, level: SkillLevel, date: string): SkillObservation => ({ skill, level, date, seq: ++seq });

describe('level derivation (Decree 20/2014 Art. 19)', () => {
  it('the rule: Level 1 needs every skill at phase 1, Level 2 every skill at phase 2', () => {
    expect(LEVEL_REQUIRES).toEqual({ level1: 'phase1', level2: 'phase2' });
    expect(SKILLS).toHaveLength(8);
  });

  it('nothing observed: no level', () => {
    expect(deriveStatus([])).toBe('none');
    expect(statusOf({})).toBe('none');
  });

  it('every skill at phase 1 is Level 1; at phase 2 is Level 2; phase 2 meets Level 1 too', () => {
    expect(deriveStatus(all('phase1', '2026-04-01'))).toBe('level1');
    expect(deriveStatus(all('phase2', '2026-04-01'))).toBe('level2');
    expect(meets(currentLevels(all('phase2', '2026-04-01')), 'level1')).toBe(true);
  });

  it('a single skill missing or lower holds the status back', () => {
    const sevenAtPhase2 = all('phase2', '2026-04-01').filter((o) => o.skill !== 'money_measurement');
    expect(deriveStatus(sevenAtPhase2)).toBe('none');
    expect(deriveStatus([...sevenAtPhase2, one('money_measurement', 'phase1', '2026-04-01')])).toBe('level1');
    expect(deriveStatus([...sevenAtPhase2, one('money_measurement', 'pre_literate', '2026-04-01')])).toBe('none');
  });

  it('the current level of a skill is its latest dated observation, not the latest recorded', () => {
    const obs = [...all('phase1', '2026-05-01'), one('numbers', 'pre_literate', '2026-04-01')];
    expect(currentLevels(obs).numbers).toEqual({ level: 'phase1', date: '2026-05-01' });
    expect(deriveStatus(obs)).toBe('level1');
  });

  it('two observations of the same day: the one recorded later counts', () => {
    const obs = [...all('phase1', '2026-05-01'), one('numbers', 'pre_literate', '2026-05-01')];
    expect(currentLevels(obs).numbers?.level).toBe('pre_literate');
    expect(deriveStatus(obs)).toBe('none');
  });

  it('a later lower observation lowers the status (it is the current level)', () => {
    const obs = [...all('phase2', '2026-05-01'), one('dictation', 'phase1', '2026-06-01')];
    expect(deriveStatus(obs)).toBe('level1');
  });

  it('as of a day: only observations dated on or before it count', () => {
    const obs = [...all('pre_literate', '2026-03-02'), ...all('phase1', '2026-06-01'), ...all('phase2', '2026-09-01')];
    expect(deriveStatus(obs, '2026-03-01')).toBe('none');
    expect(currentLevels(obs, '2026-03-01')).toEqual({});
    expect(deriveStatus(obs, '2026-05-31')).toBe('none');
    expect(deriveStatus(obs, '2026-06-01')).toBe('level1');
    expect(deriveStatus(obs, '2026-08-31')).toBe('level1');
    expect(deriveStatus(obs, '2026-09-01')).toBe('level2');
    expect(deriveStatus(obs)).toBe('level2');
  });

  it('statusOf accepts plain levels and null (never observed)', () => {
    const levels = Object.fromEntries(SKILLS.map((s) => [s, 'phase1' as SkillLevel])) as Record<Skill, SkillLevel | null>;
    expect(statusOf(levels)).toBe('level1');
    expect(statusOf({ ...levels, operations: null })).toBe('none');
  });
});

describe('observeInput', () => {
  it('refuses a skill twice in a row, a trainee twice, an empty sheet, an unknown level', () => {
    const row = { traineeId: A, skills: [{ skill: 'numbers', level: 'phase1' }] };
    expect(observeInput.safeParse({ classId: CLASS, date: '2026-04-01', rows: [row] }).success).toBe(true);
    expect(observeInput.safeParse({ classId: CLASS, date: '2026-04-01', rows: [{ traineeId: A, skills: [row.skills[0], row.skills[0]] }] }).success).toBe(false);
    expect(observeInput.safeParse({ classId: CLASS, date: '2026-04-01', rows: [row, row] }).success).toBe(false);
    expect(observeInput.safeParse({ classId: CLASS, date: '2026-04-01', rows: [] }).success).toBe(false);
    expect(observeInput.safeParse({ classId: CLASS, date: '2026-04-01', rows: [{ traineeId: A, skills: [{ skill: 'numbers', level: 'phase3' }] }] }).success).toBe(false);
    expect(observeInput.safeParse({ classId: CLASS, date: '2026-02-30', rows: [row] }).success).toBe(false);
  });
});

describe('observe (decider)', () => {
  const facts = new Map([
    [A, inCare],
    [B, inCare],
    [C, { status: 'released' } as TraineeFacts],
  ]);
  const enrolments = new Map([
    [A, enrolled],
    [B, { enrolledOn: '2026-04-10', leftOn: null }],
    [C, enrolled],
  ]);
  const sheet = (rows: string[], date = '2026-04-15') => ({ classId: CLASS, date, rows: rows.map((traineeId) => ({ traineeId, skills: [{ skill: 'numbers' as const, level: 'phase1' as const }] })) });

  it('one SkillsObserved per trainee, dated the sheet day, sharing the batch', () => {
    const out = observe(sheet([A, B]), facts, enrolments, BATCH, '2026-04-20');
    expect(out.map((o) => o.traineeId)).toEqual([A, B]);
    expect(out[1]!.event).toEqual({
      type: 'SkillsObserved',
      data: { traineeId: B, classId: CLASS, batchId: BATCH, date: '2026-04-15', skills: [{ skill: 'numbers', level: 'phase1' }] },
      occurredAt: '2026-04-15',
    });
  });

  it('refuses a future date', () => {
    expect(code(() => observe(sheet([A], '2026-04-21'), facts, enrolments, BATCH, '2026-04-20'))).toBe('VALIDATION:date=dateInFuture');
  });

  it('refuses a released trainee, naming the row', () => {
    expect(code(() => observe(sheet([A, C]), facts, enrolments, BATCH, '2026-04-20'))).toBe('ALREADY_RELEASED:rows.1.traineeId=traineeReleased');
  });

  it('refuses a trainee not enrolled in the class', () => {
    expect(code(() => observe(sheet([A, B]), facts, new Map([[A, enrolled]]), BATCH, '2026-04-20'))).toBe('VALIDATION:rows.1.traineeId=notEnrolled');
  });

  it('refuses a date before the enrolment (the enrolment day itself is fine)', () => {
    expect(code(() => observe(sheet([A, B], '2026-04-09'), facts, enrolments, BATCH, '2026-04-20'))).toBe('VALIDATION:rows.1.traineeId=beforeEnrolment');
    expect(code(() => observe(sheet([A, B], '2026-04-10'), facts, enrolments, BATCH, '2026-04-20'))).toBe('ok');
  });

  it('refuses a date on or after the day the trainee left the class', () => {
    const left = new Map([[A, { enrolledOn: '2026-03-01', leftOn: '2026-04-01' }]]);
    expect(code(() => observe(sheet([A], '2026-03-31'), facts, left, BATCH, '2026-04-20'))).toBe('ok');
    // Withdrawn on 1 April: no longer in the class from that day on.
    expect(code(() => observe(sheet([A], '2026-04-01'), facts, left, BATCH, '2026-04-20'))).toBe('VALIDATION:rows.0.traineeId=notEnrolled');
  });

  it('refuses an unknown trainee', () => {
    expect(code(() => observe(sheet([B]), new Map(), enrolments, BATCH, '2026-04-20'))).toBe('NOT_FOUND:rows.0.traineeId=invalidId');
  });
});

describe('complete (decider)', () => {
  const cmd = { traineeId: A, classId: CLASS, level: 'level1' as const, date: '2026-06-01' };
  const level1 = all('phase1', '2026-05-20');

  it('records Level 1 when every skill is at phase 1 on the date, with the skills as they stood', () => {
    const [e] = complete(cmd, inCare, enrolled, [...level1, one('numbers', 'phase2', '2026-06-02')], new Set(), '2026-06-10');
    expect(e!.type).toBe('LiteracyCompleted');
    expect(e!.data).toMatchObject({ level: 'level1', status: 'level1', overrideReason: null, date: '2026-06-01' });
    expect(e!.data.skills.find((s) => s.skill === 'numbers')).toEqual({ skill: 'numbers', level: 'phase1', date: '2026-05-20' });
    expect(e!.data.skills).toHaveLength(8);
  });

  it('refuses a level the observations do not support, unless a reason is given', () => {
    expect(code(() => complete({ ...cmd, level: 'level2' }, inCare, enrolled, level1, new Set(), '2026-06-10'))).toBe('VALIDATION:overrideReason=levelNotReached');
    expect(code(() => complete({ ...cmd, level: 'level2', overrideReason: '   ' }, inCare, enrolled, level1, new Set(), '2026-06-10'))).toBe('VALIDATION:overrideReason=levelNotReached');
    const [e] = complete({ ...cmd, level: 'level2', overrideReason: 'Kiểm tra cuối khóa đạt' }, inCare, enrolled, level1, new Set(), '2026-06-10');
    expect(e!.data).toMatchObject({ level: 'level2', status: 'level1', overrideReason: 'Kiểm tra cuối khóa đạt' });
  });

  it('judges the status on the completion date, not later observations', () => {
    expect(code(() => complete({ ...cmd, date: '2026-05-19' }, inCare, enrolled, level1, new Set(), '2026-06-10'))).toBe('VALIDATION:overrideReason=levelNotReached');
  });

  it('refuses the same level twice, a future date, a released or unenrolled trainee, a date before enrolment', () => {
    expect(code(() => complete(cmd, inCare, enrolled, level1, new Set(['level1']), '2026-06-10'))).toBe('VALIDATION:level=alreadyCompleted');
    expect(code(() => complete(cmd, inCare, enrolled, level1, new Set(['level2']), '2026-06-10'))).toBe('ok');
    expect(code(() => complete(cmd, inCare, enrolled, level1, new Set(), '2026-05-31'))).toBe('VALIDATION:date=dateInFuture');
    expect(code(() => complete(cmd, { status: 'released' }, enrolled, level1, new Set(), '2026-06-10'))).toBe('ALREADY_RELEASED:traineeId=traineeReleased');
    expect(code(() => complete(cmd, inCare, undefined, level1, new Set(), '2026-06-10'))).toBe('VALIDATION:traineeId=notEnrolled');
    expect(code(() => complete(cmd, inCare, { enrolledOn: '2026-06-02', leftOn: null }, level1, new Set(), '2026-06-10'))).toBe('VALIDATION:traineeId=beforeEnrolment');
  });
});
