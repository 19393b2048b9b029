import type { DemoReintegrationCounts, DemoStaff } from '../../../shared/demo';
import { DEFAULT_REINTEGRATION_SETTINGS, type CounsellingKind, type CounsellingOutcome } from '../../../shared/training/reintegration';
import { addDays, daysBetween } from './calendar';
import type { Rng } from './random';
import type { DemoArea, DemoLane, DemoWorld } from './world';

/**
 * Reintegration counselling in the trainees' last months: when a trainee comes within N days of
 * planned release (the default N), a counsellor plans a few sessions — legal first, then
 * vocational, job referral, family — some with a follow-up, job referrals with where to. About
 * one in eight is never counselled, and those who have just entered the window have nothing yet,
 * so the list has its "not yet counselled" rows. Sessions are recorded as the demo teacher
 * (`giaovien`) and, when the labor area made one, the demo instructor (`huongdan`). The area runs
 * on its own quiet lane (its own ids; each command a second after the last): the other areas'
 * stories, and the medical officers' times that drive their assessments, stay as they were.
 */

/** The demo teacher, created here only if no earlier area made the account (checked by username). */
export const DEMO_TEACHER: DemoStaff = { username: 'giaovien', fullName: 'Nguyễn Thị Thu Trang', roles: ['teacher'] };
const DEMO_INSTRUCTOR_USERNAME = 'huongdan';
const TEACHER = 'sen-demo-reintegration-teacher';
const INSTRUCTOR = 'sen-demo-reintegration-instructor';

const PLAN: readonly CounsellingKind[] = ['legal', 'vocational', 'job_referral', 'family'];
const TOPICS: Record<CounsellingKind, readonly string[]> = {
  legal: ['Thủ tục đăng ký cư trú, làm lại căn cước khi về địa phương', 'Quyền và nghĩa vụ sau khi chấp hành xong quyết định', 'Quản lý sau cai nghiện tại xã, phường'],
  vocational: ['Nghề đã học tại cơ sở và nhu cầu lao động ở địa phương', 'Học tiếp nghề may, nghề mộc sau khi ra', 'Vay vốn chăn nuôi, trồng trọt tại gia đình'],
  job_referral: ['Giới thiệu việc làm phù hợp với tay nghề đan lát', 'Phỏng vấn, chuẩn bị hồ sơ xin việc'],
  family: ['Gặp gỡ gia đình chuẩn bị đón học viên trở về', 'Phòng tránh tái nghiện khi về gia đình, vai trò người thân'],
  other: ['Kế hoạch sinh hoạt những tuần đầu sau khi ra'],
};
const PLACES = ['Hợp tác xã mây tre đan Chiềng Cơi', 'Công ty TNHH May Sơn La', 'Trung tâm Giáo dục nghề nghiệp huyện Mai Sơn', 'Xưởng mộc Tân Lập'];
const NOTES = ['Học viên hợp tác, có kế hoạch cụ thể', 'Gia đình đồng ý hỗ trợ', 'Cần trao đổi thêm với gia đình', ''];

interface Planned {
  traineeId: string;
  kind: CounsellingKind;
  /** The last session planned for this trainee. */
  last: boolean;
}

export class ReintegrationArea implements DemoArea {
  readonly name = 'reintegration';
  readonly counts: DemoReintegrationCounts = { sessions: 0, counselled: 0 };
  /** The accounts this area created (shown on the set-up screen with the others). */
  readonly staff: DemoStaff[] = [];
  private readonly connections: string[] = [TEACHER];
  private readonly agenda = new Map<string, Planned[]>();
  /** Trainees already planned for (or left without counselling). */
  private readonly seen = new Set<string>();
  private readonly counselled = new Set<string>();
  private readonly lane: DemoLane;

  constructor(
    private readonly rng: Rng,
    private readonly password: string,
  ) {
    this.lane = { clock: rng.fork('clock'), ids: rng.fork('ids'), quiet: true };
  }

  async start(world: DemoWorld): Promise<void> {
    const accounts = await world.read('accounts.list', {});
    const has = (username: string) => accounts.some((a) => a.username === username);
    if (!has(DEMO_TEACHER.username)) {
      const temporary = `tam-thoi-${this.rng.digits(6)}`;
      await world.command('accounts.create', { fullName: DEMO_TEACHER.fullName, username: DEMO_TEACHER.username, roles: DEMO_TEACHER.roles, password: temporary, passwordConfirm: temporary }, world.connection, this.lane);
      await world.command('auth.signIn', { username: DEMO_TEACHER.username, password: temporary }, TEACHER, this.lane);
      await world.command('auth.changePassword', { currentPassword: temporary, newPassword: this.password, newPasswordConfirm: this.password }, TEACHER, this.lane);
      this.staff.push(DEMO_TEACHER);
    } else {
      await world.command('auth.signIn', { username: DEMO_TEACHER.username, password: this.password }, TEACHER, this.lane);
    }
    if (has(DEMO_INSTRUCTOR_USERNAME)) {
      await world.command('auth.signIn', { username: DEMO_INSTRUCTOR_USERNAME, password: this.password }, INSTRUCTOR, this.lane);
      this.connections.push(INSTRUCTOR);
    }
  }

  async day(world: DemoWorld): Promise<void> {
    this.planNewcomers(world);
    const today = this.agenda.get(world.day);
    if (!today) return;
    this.agenda.delete(world.day);
    for (const p of today) {
      const t = world.inCare.get(p.traineeId);
      // Released early (a term reduction, a transfer): the plan ends with the stay.
      if (!t) continue;
      const outcome: CounsellingOutcome = p.kind === 'job_referral' ? 'referred' : !p.last && this.rng.chance(0.35) ? 'needs_follow_up' : 'completed';
      const followUpDate = outcome === 'needs_follow_up' ? addDays(world.day, this.rng.int(7, 21)) : null;
      await world.command(
        'reintegration.record',
        {
          traineeId: p.traineeId,
          kind: p.kind,
          date: world.day,
          topics: this.rng.pick(TOPICS[p.kind]),
          notes: this.rng.pick(NOTES),
          outcome,
          referralTo: outcome === 'referred' ? this.rng.pick(PLACES) : '',
          followUpDate,
        },
        this.rng.pick(this.connections),
        this.lane,
      );
      this.counts.sessions += 1;
      this.counselled.add(p.traineeId);
    }
  }

  async finish(world: DemoWorld): Promise<void> {
    this.counts.counselled = this.counselled.size;
    for (const c of this.connections) await world.command('auth.signOut', {}, c, this.lane);
  }

  /** Those who entered the window today: 2–4 sessions spread over it (or none, for a few). */
  private planNewcomers(world: DemoWorld): void {
    for (const t of world.inCare.values()) {
      if (this.seen.has(t.traineeId)) continue;
      const left = daysBetween(world.day, t.plannedReleaseDate);
      if (left > DEFAULT_REINTEGRATION_SETTINGS.dueWithinDays) continue;
      this.seen.add(t.traineeId);
      if (this.rng.chance(0.12)) continue;
      const n = this.rng.int(2, 4);
      let day = addDays(world.day, this.rng.int(5, 25));
      for (let i = 0; i < n; i++) {
        if (daysBetween(day, t.plannedReleaseDate) < 1) break;
        const list = this.agenda.get(day) ?? [];
        list.push({ traineeId: t.traineeId, kind: i < PLAN.length ? PLAN[i]! : 'other', last: i === n - 1 });
        this.agenda.set(day, list);
        day = addDays(day, this.rng.int(10, 25));
      }
    }
  }
}
