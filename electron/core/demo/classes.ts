import type { HandlerInput, HandlerName, HandlerOutput } from '../../../shared/api';
import type { DemoClassesCounts, DemoStaff } from '../../../shared/demo';
import { isoWeekday, type AbsenceReason, type LiteracyPhase } from '../../../shared/training/classes';
import { addDays, daysBetween } from './calendar';
import type { Rng } from './random';
import type { DemoArea, DemoLane, DemoTrainee, DemoWorld } from './world';

/**
 * The literacy teacher's years: two classes at a time (phase 1 for those who never went to school
 * or left in the first grades, phase 2 for those who left primary school later), a new intake of
 * each every term; trainees with little schooling join after their first weeks (detox), leave on
 * release, and at the term's end phase 2 completes while phase 1 moves up. Every session on the
 * schedule in the last ATTENDANCE_DAYS gets its attendance sheet, with the absences a class has
 * (sick, refused, excused, at hospital as the medical officer's referrals say). All through the
 * service as the teacher.
 */

export const TEACHER: DemoStaff = { username: 'giaovien', fullName: 'Nguyễn Thị Thu Hà', roles: ['teacher'] };
/** The teacher's session in the story (the literacy area works in it too). */
export const CONNECTION = 'sen-demo-teacher';
/** A term: a class runs about five months, then the next intake opens. */
const TERM_DAYS = 150;
/** Trainees join a class after their first weeks (intake, detox). */
const SETTLING_DAYS = 21;
const SCHEDULES: Record<LiteracyPhase, { weekdays: number[]; startTime: string; endTime: string; room: string }> = {
  phase1: { weekdays: [1, 3, 5], startTime: '08:00', endTime: '10:00', room: 'Phòng học số 1' },
  phase2: { weekdays: [2, 4], startTime: '14:00', endTime: '16:00', room: 'Phòng học số 2' },
};
/**
 * Attendance sheets are recorded for the last ATTENDANCE_DAYS of the story only (as the medication
 * rounds are): a sheet is a command, and every session of every class for years would double the
 * time to play the demo for little more to see; two months show the sheets and the rates.
 */
export const ATTENDANCE_DAYS = 60;
const OTHER_NOTES = ['Gặp cán bộ quản lý', 'Làm việc với công an', 'Trực vệ sinh khu', 'Gia đình thăm gặp'];

interface DemoClass {
  classId: string;
  phase: LiteracyPhase;
  opened: string;
  /** Trainee ids enrolled now, with the day they joined. */
  roster: Map<string, string>;
}

/** Who may join a class: little schooling, and which phase (DOMAIN.md: phase 1 ≈ grades 1–3, phase 2 ≈ grades 4–5). */
function phaseFor(t: DemoTrainee, rng: Rng): LiteracyPhase | null {
  if (t.educationLevel === 'none') return 'phase1';
  if (t.educationLevel === 'primary_incomplete') return rng.chance(0.45) ? 'phase1' : 'phase2';
  return null;
}

export class ClassesArea implements DemoArea {
  readonly name = 'classes';
  readonly counts: DemoClassesCounts = { classes: 0, enrolments: 0, withdrawals: 0, sessions: 0, attendance: 0, absences: 0 };
  readonly staff: DemoStaff[] = [TEACHER];
  private readonly classes = new Map<LiteracyPhase, DemoClass>();
  /** The phase each trainee with little schooling is placed in (drawn once), and who completed phase 2. */
  private readonly placement = new Map<string, LiteracyPhase | null>();
  private readonly done = new Set<string>();
  private term = 0;
  private readonly sheetsFrom: string;
  /** Its own draws of moments and ids, so the other areas' stories stay as they were for a seed. */
  private readonly lane: DemoLane;

  constructor(
    private readonly rng: Rng,
    private readonly password: string,
    /** The story's last day (sheets are recorded from ATTENDANCE_DAYS before it). */
    lastDay: string,
  ) {
    this.sheetsFrom = addDays(lastDay, -(ATTENDANCE_DAYS - 1));
    this.lane = { clock: rng.fork('clock'), ids: rng.fork('ids') };
  }

  private teach<N extends HandlerName>(world: DemoWorld, name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>> {
    return world.command(name, input, CONNECTION, this.lane);
  }

  async start(world: DemoWorld): Promise<void> {
    // As for the medical officer: the admin creates the account, the teacher chooses the password.
    const temporary = `tam-thoi-${this.rng.digits(6)}`;
    await world.command('accounts.create', { fullName: TEACHER.fullName, username: TEACHER.username, roles: TEACHER.roles, password: temporary, passwordConfirm: temporary }, world.connection, this.lane);
    await this.teach(world, 'auth.signIn', { username: TEACHER.username, password: temporary });
    await this.teach(world, 'auth.changePassword', { currentPassword: temporary, newPassword: this.password, newPasswordConfirm: this.password });
  }

  async finish(world: DemoWorld): Promise<void> {
    await this.teach(world, 'auth.signOut', {});
  }

  async day(world: DemoWorld): Promise<void> {
    await this.withdrawReleased(world);
    const first = [...this.classes.values()][0];
    // The first classes open once there are people to teach; then a new term every TERM_DAYS.
    if (first ? daysBetween(first.opened, world.day) >= TERM_DAYS : world.inCare.size >= 10) await this.newTerm(world);
    if (this.classes.size === 0) return;
    // New trainees join on Mondays.
    if (isoWeekday(world.day) === 1) await this.enrolNewcomers(world);
    if (world.day < this.sheetsFrom) return;
    for (const c of this.classes.values()) {
      if (c.roster.size > 0 && SCHEDULES[c.phase].weekdays.includes(isoWeekday(world.day)) && world.day > c.opened) await this.session(world, c);
    }
  }

  private async withdrawReleased(world: DemoWorld): Promise<void> {
    for (const c of this.classes.values()) {
      for (const traineeId of [...c.roster.keys()]) {
        if (world.inCare.has(traineeId)) continue;
        await this.teach(world, 'classes.withdraw', { classId: c.classId, traineeId, date: world.day, reason: 'released', note: '' });
        c.roster.delete(traineeId);
        this.counts.withdrawals += 1;
      }
    }
  }

  /** Phase 2 completes, the classes close, the next term's open; phase 1 moves up to phase 2. */
  private async newTerm(world: DemoWorld): Promise<void> {
    const old = new Map(this.classes);
    const p2 = old.get('phase2');
    for (const traineeId of p2?.roster.keys() ?? []) {
      await this.teach(world, 'classes.withdraw', { classId: p2!.classId, traineeId, date: world.day, reason: 'completed', note: '' });
      this.done.add(traineeId);
      this.counts.withdrawals += 1;
    }
    for (const c of old.values()) {
      this.counts.withdrawals += c.phase === 'phase2' ? 0 : c.roster.size;
      await this.teach(world, 'classes.close', { classId: c.classId, date: world.day, note: '' });
    }
    this.term += 1;
    const [teacher] = await world.read('classes.teachers', {}, CONNECTION);
    for (const phase of ['phase1', 'phase2'] as const) {
      const name = `Xóa mù chữ giai đoạn ${phase === 'phase1' ? 1 : 2} – khóa ${this.term}`;
      const { classId } = await this.teach(world, 'classes.open', { name, teacherId: teacher!.userId, phase, ...SCHEDULES[phase], date: world.day });
      this.classes.set(phase, { classId, phase, opened: world.day, roster: new Map() });
      this.counts.classes += 1;
    }
    // Those who had two months or more of phase 1 move up; the others go on in the new phase 1 class.
    const p1 = [...(old.get('phase1')?.roster ?? [])];
    const movingUp = p1.filter(([, since]) => daysBetween(since, world.day) >= 60).map(([id]) => id);
    for (const id of movingUp) this.placement.set(id, 'phase2');
    await this.enrol(world, this.classes.get('phase2')!, movingUp);
    await this.enrol(world, this.classes.get('phase1')!, p1.filter(([id]) => !movingUp.includes(id)).map(([id]) => id));
  }

  private async enrolNewcomers(world: DemoWorld): Promise<void> {
    const enrolled = new Set([...this.classes.values()].flatMap((c) => [...c.roster.keys()]));
    const joining = new Map<LiteracyPhase, string[]>([
      ['phase1', []],
      ['phase2', []],
    ]);
    for (const t of world.inCare.values()) {
      if (enrolled.has(t.traineeId) || this.done.has(t.traineeId) || daysBetween(t.admissionDate, world.day) < SETTLING_DAYS) continue;
      if (!this.placement.has(t.traineeId)) this.placement.set(t.traineeId, phaseFor(t, this.rng));
      const phase = this.placement.get(t.traineeId);
      // Not in the last month before release: too late to start.
      if (phase && daysBetween(world.day, t.plannedReleaseDate) > 30) joining.get(phase)!.push(t.traineeId);
    }
    for (const [phase, ids] of joining) await this.enrol(world, this.classes.get(phase)!, ids);
  }

  private async enrol(world: DemoWorld, c: DemoClass, traineeIds: string[]): Promise<void> {
    if (traineeIds.length === 0) return;
    await this.teach(world, 'classes.enrol', { classId: c.classId, traineeIds, date: world.day });
    for (const id of traineeIds) c.roster.set(id, world.day);
    this.counts.enrolments += traineeIds.length;
  }

  /** One session: the sheet as the core gives it (those at hospital pre-marked), a few absences, saved once. */
  private async session(world: DemoWorld, c: DemoClass): Promise<void> {
    const sheet = await world.read('classes.sheet', { classId: c.classId, date: world.day }, CONNECTION);
    const rows = sheet.rows.map((r) => {
      if (r.atHospital) return { traineeId: r.traineeId, present: false, reason: 'at_hospital' as const, note: '' };
      if (!this.rng.chance(0.07)) return { traineeId: r.traineeId, present: true, reason: null, note: '' };
      const reason = this.rng.weighted<AbsenceReason>([
        ['sick', 45],
        ['excused', 25],
        ['refused', 20],
        ['other', 10],
      ]);
      return { traineeId: r.traineeId, present: false, reason, note: reason === 'other' ? this.rng.pick(OTHER_NOTES) : '' };
    });
    if (rows.length === 0) return;
    await this.teach(world, 'classes.attendance.record', { classId: c.classId, date: world.day, rows });
    this.counts.sessions += 1;
    this.counts.attendance += rows.length;
    this.counts.absences += rows.filter((r) => !r.present).length;
  }
}
