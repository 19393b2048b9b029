import type { AdmissionType, ReleaseKind, TraineeDetails } from '../../../shared/admissions';
import { addDays, addMonths, daysBetween, weekday, year } from './calendar';
import { drawPerson, misspell, movedAddress, type PersonDraft } from './people';
import type { Rng } from './random';
import type { DemoArea, DemoTrainee, DemoWorld } from './world';

/**
 * Admissions over the years: court-ordered (most) and voluntary admissions on working days, at a
 * rate that keeps about `target` people in care; releases when the term ends (a few earlier for a
 * term reduction), some transfers and other exits; now and then a correction with its reason.
 */
export interface AdmissionCounts {
  admitted: number;
  corrected: number;
  released: number;
  releasedByKind: Record<ReleaseKind, number>;
}

interface Exit {
  traineeId: string;
  kind: ReleaseKind;
  note: string;
}

type CorrectionKind = 'name' | 'dateOfBirth' | 'address' | 'idNumber';

interface Correction {
  traineeId: string;
  kind: CorrectionKind;
  /** The value to set (the true one for a typo, the new one for a move). */
  value: string;
}

const TRANSFER_NOTES = [
  'Chuyển đến Cơ sở cai nghiện ma túy tỉnh Lai Châu, gần nơi cư trú của gia đình',
  'Bàn giao cho Cơ quan Cảnh sát điều tra Công an tỉnh để giải quyết vụ án khác',
  'Chuyển đến Cơ sở cai nghiện ma túy tỉnh Sơn La theo quyết định của cấp có thẩm quyền',
];
const OTHER_NOTES = [
  'Tạm đình chỉ chấp hành quyết định để điều trị bệnh nặng tại Bệnh viện Đa khoa tỉnh Điện Biên',
  'Miễn chấp hành thời gian còn lại theo quyết định của Tòa án nhân dân',
  'Đình chỉ chấp hành do bị khởi tố về hành vi phạm tội trước khi vào cơ sở',
];
const REASONS: Record<CorrectionKind, readonly string[]> = {
  name: ['Sửa họ tên theo căn cước công dân (nhập sai dấu)', 'Sửa lỗi chính tả họ tên theo quyết định của Tòa án'],
  dateOfBirth: ['Sửa ngày sinh theo căn cước công dân', 'Sửa ngày sinh theo giấy khai sinh gia đình gửi lên'],
  address: ['Gia đình chuyển nơi ở, cập nhật theo xác nhận của Công an xã', 'Cập nhật nơi cư trú theo thông báo của gia đình'],
  idNumber: ['Bổ sung số căn cước công dân theo bản sao gia đình gửi lên'],
};

export class AdmissionsArea implements DemoArea {
  readonly name = 'admissions';
  readonly counts: AdmissionCounts = { admitted: 0, corrected: 0, released: 0, releasedByKind: { completed: 0, transferred: 0, other: 0 } };
  private readonly exits = new Map<string, Exit[]>();
  private readonly corrections = new Map<string, Correction[]>();
  /** Counters per year (and per district court): file numbers and decision numbers. */
  private readonly counters = new Map<string, number>();
  /** Mean stay in days, for the admission rate (term ≈ 18 months on average). */
  private readonly meanStay = 540;

  constructor(
    private readonly rng: Rng,
    private readonly target: number,
  ) {}

  async day(world: DemoWorld): Promise<void> {
    await this.releases(world);
    await this.correct(world);
    // Courts' decisions are carried out on working days: admissions Monday to Friday.
    const wd = weekday(world.day);
    if (wd === 0 || wd === 6) return;
    const shortfall = this.target - world.inCare.size;
    const expected = (this.target / this.meanStay) * (7 / 5) + Math.max(-2, shortfall / 15);
    const n = this.rng.poisson(Math.max(0, expected));
    for (let i = 0; i < n; i++) await this.admit(world);
  }

  private schedule<T>(map: Map<string, T[]>, day: string, item: T): void {
    const list = map.get(day);
    if (list) list.push(item);
    else map.set(day, [item]);
  }

  private next(key: string, start: () => number, step: () => number): number {
    const n = (this.counters.get(key) ?? start()) + step();
    this.counters.set(key, n);
    return n;
  }

  private async admit(world: DemoWorld): Promise<void> {
    const rng = this.rng;
    const day = world.day;
    const y = year(day);
    const person: PersonDraft = drawPerson(rng, day);
    const admissionType: AdmissionType = rng.chance(0.12) ? 'voluntary' : 'compulsory';
    const months =
      admissionType === 'voluntary'
        ? rng.weighted([[6, 4], [9, 2], [12, 4]] as const)
        : rng.weighted([[12, 30], [15, 5], [18, 22], [20, 5], [24, 38]] as const);
    const decisionNumber =
      admissionType === 'compulsory'
        ? // Each district's People's Court numbers its decisions through the year (other cases between).
          `${this.next(`court:${person.district}:${y}`, () => rng.int(0, 8), () => rng.int(1, 6))}/${y}/QĐ-TA`
        : `${this.next(`facility:${y}`, () => 0, () => 1)}/${y}/QĐ-CSCN`;
    const fileNumber = `HS-${y}-${String(this.next(`file:${y}`, () => 0, () => 1)).padStart(4, '0')}`;
    const plannedReleaseDate = addMonths(day, months);

    // Some records are typed with a mistake that a correction fixes a few days later.
    const correctionKind = rng.weighted<CorrectionKind | null>([[null, 93], ['name', 2.5], ['dateOfBirth', 2], ['address', 1.5], ['idNumber', 1]]);
    let typedName = person.fullName;
    let typedDob = person.dateOfBirth;
    let typedId = person.idNumber;
    let correction: Omit<Correction, 'traineeId'> | null = null;
    if (correctionKind === 'name') {
      const wrong = misspell(rng, person.fullName);
      if (wrong) {
        typedName = wrong;
        correction = { kind: 'name', value: person.fullName };
      }
    } else if (correctionKind === 'dateOfBirth') {
      const [by, bm, bd] = person.dateOfBirth.split('-') as [string, string, string];
      // Day and month swapped when that is a date, else the year typed one too high.
      typedDob = Number(bd) <= 12 && bd !== bm ? `${by}-${bd}-${bm}` : `${Number(by) + 1}-${bm}-${bd === '29' && bm === '02' ? '28' : bd}`;
      if (typedDob !== person.dateOfBirth) correction = { kind: 'dateOfBirth', value: person.dateOfBirth };
    } else if (correctionKind === 'address') {
      correction = { kind: 'address', value: movedAddress(rng, person.group, person.homeAddress) };
    } else if (correctionKind === 'idNumber' && person.idNumber !== '') {
      typedId = '';
      correction = { kind: 'idNumber', value: person.idNumber };
    }

    const details: TraineeDetails = {
      fileNumber,
      fullName: typedName,
      sex: person.sex,
      dateOfBirth: typedDob,
      idNumber: typedId,
      homeAddress: person.homeAddress,
      admissionType,
      decisionNumber,
      admissionDate: day,
      plannedReleaseDate,
      educationLevel: person.educationLevel,
      substances: person.substances,
      familyContact: person.familyContact,
    };
    const { traineeId } = await world.command('trainees.admit', details);
    this.counts.admitted += 1;
    const trainee: DemoTrainee = { traineeId, fileNumber, fullName: typedName, sex: person.sex, admissionDate: day, plannedReleaseDate, admissionType, substances: person.substances, educationLevel: person.educationLevel };
    world.inCare.set(traineeId, trainee);

    const exit = this.planExit(trainee, months);
    this.schedule(this.exits, exit.day, { traineeId, kind: exit.kind, note: exit.note });
    if (correction) {
      const latest = Math.max(1, Math.min(20, daysBetween(day, exit.day) - 1));
      this.schedule(this.corrections, addDays(day, rng.int(1, latest)), { traineeId, ...correction });
    }
  }

  private planExit(t: DemoTrainee, months: number): { day: string; kind: ReleaseKind; note: string } {
    const rng = this.rng;
    const stay = daysBetween(t.admissionDate, t.plannedReleaseDate);
    const roll = rng.next();
    if (roll < 0.03 && stay > 60) {
      return { day: addDays(t.admissionDate, rng.int(30, stay - 1)), kind: 'transferred', note: rng.pick(TRANSFER_NOTES) };
    }
    if (roll < 0.05 && stay > 60) {
      return { day: addDays(t.admissionDate, rng.int(30, stay - 1)), kind: 'other', note: rng.pick(OTHER_NOTES) };
    }
    if (roll < 0.13 && t.admissionType === 'compulsory' && months >= 12) {
      // Term reduction after half the term, for good ratings: one to three months off.
      const off = rng.int(1, 3);
      const y = year(t.plannedReleaseDate);
      return {
        day: addMonths(t.plannedReleaseDate, -off),
        kind: 'completed',
        note: `Được giảm ${off} tháng thời hạn chấp hành theo Quyết định số ${rng.int(10, 200)}/${y}/QĐ-TA (xếp loại khá trở lên liên tục)`,
      };
    }
    return { day: t.plannedReleaseDate, kind: 'completed', note: rng.chance(0.5) ? 'Chấp hành xong quyết định' : '' };
  }

  private async releases(world: DemoWorld): Promise<void> {
    const due = this.exits.get(world.day);
    if (!due) return;
    this.exits.delete(world.day);
    for (const exit of due) {
      if (!world.inCare.has(exit.traineeId)) continue;
      await world.command('trainees.release', { traineeId: exit.traineeId, releaseDate: world.day, kind: exit.kind, note: exit.note });
      world.inCare.delete(exit.traineeId);
      world.departures.set(exit.traineeId, exit.kind);
      this.counts.released += 1;
      this.counts.releasedByKind[exit.kind] += 1;
    }
  }

  private async correct(world: DemoWorld): Promise<void> {
    const due = this.corrections.get(world.day);
    if (!due) return;
    this.corrections.delete(world.day);
    for (const c of due) {
      const changes: Partial<TraineeDetails> =
        c.kind === 'name' ? { fullName: c.value } : c.kind === 'dateOfBirth' ? { dateOfBirth: c.value } : c.kind === 'address' ? { homeAddress: c.value } : { idNumber: c.value };
      await world.command('trainees.correct', { traineeId: c.traineeId, changes, reason: this.rng.pick(REASONS[c.kind]) });
      const t = world.inCare.get(c.traineeId);
      if (t && c.kind === 'name') t.fullName = c.value;
      this.counts.corrected += 1;
    }
  }
}
