import type { DemoLaborCounts, DemoStaff } from '../../../shared/demo';
import type { HandlerInput, HandlerName, HandlerOutput } from '../../../shared/api';
import type { SheetRowInput, WorkshopSummary } from '../../../shared/training/labor';
import { addMonths, weekday } from './calendar';
import type { Rng } from './random';
import type { DemoArea, DemoWorld } from './world';

/**
 * Labor therapy, played by the demo instructor: four workshops opened on the first day; each
 * Monday morning trainees who reached the labor phase are assigned (those who may not use sharp tools
 * to a workshop without blades, and moved out of one if a restriction comes later), and the
 * previous working day's sheet is recorded for every workshop: hours, output, a note now and
 * then, absences (at hospital for those the roster shows there). Sheets are kept Monday to
 * Saturday; each working day's is recorded the next working morning.
 *
 * Daily sheets are recorded for the last SHEET_MONTHS months only: a sheet row per trainee per
 * working day is about 2 800 events a month at 120 trainees (measured: two months add 5 600 rows
 * to the default demo's 13 700 other events, and about a quarter to its CPU time; three years
 * would be two thirds of the log for little teaching value). Assignments cover the whole story.
 */
export const SHEET_MONTHS = 2;

export const INSTRUCTOR: DemoStaff = { username: 'huongdan', fullName: 'Đinh Văn Hướng', roles: ['instructor'] };
const LABOR = 'sen-demo-labor';

interface WorkshopPlan {
  name: string;
  product: string;
  unit: string;
  usesBlades: boolean;
  /** Output per hour of work, on average. */
  rate: number;
  /** Whole pieces (mats, baskets) or a weight. */
  whole: boolean;
  /** Share of new labor-phase trainees sent here. */
  weight: number;
  notes: readonly string[];
}

const WORKSHOPS: readonly WorkshopPlan[] = [
  {
    name: 'Xưởng dệt chiếu',
    product: 'Chiếu cói',
    unit: 'chiếc chiếu',
    usesBlades: true,
    rate: 0.3,
    whole: true,
    weight: 4,
    notes: ['Dệt đều tay, mép chiếu gọn', 'Mép chiếu còn lỏng, cần dệt chặt hơn', 'Chiếu đạt loại một', 'Làm chậm, cần kèm thêm'],
  },
  {
    name: 'Xưởng mây tre đan',
    product: 'Giỏ, rổ, làn mây tre',
    unit: 'chiếc',
    usesBlades: true,
    rate: 0.5,
    whole: true,
    weight: 3,
    notes: ['Nan vót đều, đan chặt', 'Đan chưa chặt tay', 'Sản phẩm đẹp, có thể bán'],
  },
  {
    name: 'Tổ may',
    product: 'Quần áo bảo hộ lao động',
    unit: 'bộ',
    usesBlades: false,
    rate: 0.6,
    whole: true,
    weight: 2,
    notes: ['Đường may thẳng', 'Phải tháo may lại một bộ', 'Tiến bộ rõ so với tuần trước'],
  },
  {
    name: 'Tổ trồng rau',
    product: 'Rau xanh cho bếp ăn',
    unit: 'kg',
    usesBlades: false,
    rate: 4,
    whole: false,
    weight: 3,
    notes: ['Làm đất kỹ', 'Chăm chỉ, tự giác', 'Cần nhắc nhở giữ vệ sinh dụng cụ'],
  },
];

export class LaborArea implements DemoArea {
  readonly name = 'labor';
  readonly counts: DemoLaborCounts = { workshops: 0, assignments: 0, moves: 0, sheets: 0, entries: 0, absences: 0, sheetsFrom: '' };
  readonly staff: DemoStaff[] = [INSTRUCTOR];
  /** Workshop id -> its plan. */
  private readonly plans = new Map<string, WorkshopPlan>();
  /** The previous working day (its sheet is recorded the next morning). */
  private lastWorkday: string | null = null;

  constructor(
    private readonly rng: Rng,
    private readonly password: string,
    lastDay: string,
  ) {
    this.counts.sheetsFrom = addMonths(lastDay, -SHEET_MONTHS);
  }

  private as<N extends HandlerName>(world: DemoWorld, name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>> {
    return world.command(name, input, LABOR);
  }

  async start(world: DemoWorld): Promise<void> {
    // As the medical area's staff: a temporary password from the admin, then the demo one.
    const temporary = `tam-thoi-${this.rng.digits(6)}`;
    const { userId } = await world.command('accounts.create', { ...INSTRUCTOR, password: temporary, passwordConfirm: temporary });
    await this.as(world, 'auth.signIn', { username: INSTRUCTOR.username, password: temporary });
    await this.as(world, 'auth.changePassword', { currentPassword: temporary, newPassword: this.password, newPasswordConfirm: this.password });
    for (const p of WORKSHOPS) {
      const { workshopId } = await this.as(world, 'labor.workshops.open', { name: p.name, product: p.product, unit: p.unit, usesBlades: p.usesBlades, instructorId: userId });
      this.plans.set(workshopId, p);
      this.counts.workshops += 1;
    }
  }

  async finish(world: DemoWorld): Promise<void> {
    await this.as(world, 'auth.signOut', {});
  }

  async day(world: DemoWorld): Promise<void> {
    // Work Monday to Saturday; Sunday is a rest day. New workers are placed on Mondays.
    const wd = weekday(world.day);
    if (wd === 0) return;
    if (wd === 1) await this.assign(world);
    if (this.lastWorkday && this.lastWorkday >= this.counts.sheetsFrom) await this.sheets(world, this.lastWorkday);
    this.lastWorkday = world.day;
  }

  /** New labor-phase trainees get a workshop; a restriction that came later moves them out of blades. */
  private async assign(world: DemoWorld): Promise<void> {
    const candidates = await this.as(world, 'labor.candidates', {});
    for (const c of candidates) {
      const current = c.workshopId ? this.plans.get(c.workshopId) : undefined;
      const due = (c.phase === 'labor' && !current) || (current?.usesBlades === true && c.noSharpTools);
      if (!due) continue;
      const choices = [...this.plans].filter(([id, p]) => id !== c.workshopId && !(c.noSharpTools && p.usesBlades));
      const workshopId = this.rng.weighted(choices.map(([id, p]) => [id, p.weight] as const));
      const r = await this.as(world, 'labor.assign', { workshopId, traineeId: c.traineeId, date: world.day });
      this.counts.assignments += 1;
      if (r.moved) this.counts.moves += 1;
    }
  }

  /** Every workshop's sheet of `date`, recorded this morning. */
  private async sheets(world: DemoWorld, date: string): Promise<void> {
    const roster = await this.as(world, 'trainees.list', { status: 'in_care', limit: 5000 });
    const atHospital = new Set(roster.items.filter((t) => t.atHospital).map((t) => t.id));
    const workshops: WorkshopSummary[] = await this.as(world, 'labor.workshops.list', {});
    const saturday = weekday(date) === 6;
    for (const w of workshops) {
      const plan = this.plans.get(w.workshopId);
      if (!plan) continue;
      const sheet = await this.as(world, 'labor.sheet', { workshopId: w.workshopId, date });
      const rows = sheet.rows.filter((r) => r.entry === null).map((r) => this.row(plan, r.traineeId, atHospital.has(r.traineeId), saturday));
      if (rows.length === 0) continue;
      await this.as(world, 'labor.sheet.record', { workshopId: w.workshopId, date, rows });
      this.counts.sheets += 1;
      this.counts.entries += rows.length;
      this.counts.absences += rows.filter((r) => !r.present).length;
    }
  }

  private row(plan: WorkshopPlan, traineeId: string, atHospital: boolean, saturday: boolean): SheetRowInput {
    const rng = this.rng;
    const absent = (absence: SheetRowInput['absence'], absenceNote = ''): SheetRowInput => ({ traineeId, present: false, hours: 0, output: 0, quality: '', absence, absenceNote });
    if (atHospital) return absent('at_hospital');
    const roll = rng.next();
    if (roll < 0.035) return absent('sick', rng.pick(['Sốt, nghỉ tại phòng', 'Đau lưng', 'Cảm cúm']));
    if (roll < 0.05) return absent('refused', 'Không chịu ra xưởng, đã báo cán bộ quản lý');
    if (roll < 0.07) return absent('excused', rng.pick(['Gia đình thăm gặp', 'Làm việc với cán bộ tư pháp', 'Học văn hóa']));
    if (roll < 0.075) return absent('other', 'Trực vệ sinh khu nhà');
    const hours = saturday ? rng.int(3, 4) : rng.pick([4, 4.5, 5, 5, 5, 5.5, 6]);
    const raw = hours * plan.rate * (0.6 + rng.next() * 0.8);
    const output = plan.whole ? Math.round(raw) : Math.round(raw * 10) / 10;
    const quality = rng.chance(0.08) ? rng.pick(plan.notes) : '';
    return { traineeId, present: true, hours, output, quality, absence: null, absenceNote: '' };
  }
}
