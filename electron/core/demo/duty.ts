import type { HandlerInput, HandlerName, HandlerOutput } from '../../../shared/api';
import type { DemoDutyCounts } from '../../../shared/demo';
import { MAX_DISCIPLINE_ROOM_DAYS, type MeasureKind } from '../../../shared/duty/conduct';
import type { BoardRoom } from '../../../shared/duty/housing';
import type { KeepApartLevel, KeepApartReason } from '../../../shared/duty/keepApart';
import type { Rating } from '../../../shared/duty/recognition';
import { addDays, addMonths, daysBetween, weekday, year } from './calendar';
import * as text from './dutyText';
import { DUTY_CONNECTION } from './medical';
import type { Rng } from './random';
import type { DemoArea, DemoLane, DemoWorld } from './world';

/**
 * The duty officers' years. On the first day the admin lays out the facility (dorms of 8–12-bed
 * rooms sized for the trainee count, a women's dorm, a separate-housing room for each sex) and
 * adds a violation type. Then every day the duty officer (`trucban`): frees the beds of those who
 * left, moves flagged trainees into the separate-housing room and back, gives each new admission
 * a bed, now and then moves someone; records yesterday's incidents (some with two or three
 * trainees), their measures and self-criticisms, keep-apart rules after fights; rates every
 * trainee on the first of each month, commends at the start of each quarter from the eligibility
 * list, grants visits and Tết gifts; writes shift notes; counts every room each evening (a
 * difference now and then, resolved the next morning). Placements are asked of `housing.check`
 * first, as the board does, so nothing is refused; a placement with warnings is recorded only
 * with a reason (the separate room full).
 */

/** Share of people in care in one violation a year (several per incident). */
const VIOLATIONS_PER_TRAINEE_YEAR = 0.45;
const MOVES_PER_TRAINEE_YEAR = 0.25;
const MINUTES = { rollCall: 21 * 60 + 30 };
/** Evening counts of the last days are all recorded (see `evening`). */
export const DAILY_COUNT_DAYS = 30;

interface Rule {
  ruleId: string;
  a: string;
  b: string;
  reviewDate: string;
}

interface Mismatch {
  countId: string;
  roomId: string;
  name: string;
  extra: boolean;
}

type Task = (world: DemoWorld) => Promise<void>;

export class DutyArea implements DemoArea {
  readonly name = 'duty';
  readonly counts: DemoDutyCounts = {
    dorms: 0,
    rooms: 0,
    beds: 0,
    bedsAssigned: 0,
    moves: 0,
    vacated: 0,
    overrides: 0,
    keepApartRules: 0,
    headcounts: 0,
    mismatches: 0,
    incidents: 0,
    violations: 0,
    measures: 0,
    rewards: 0,
    ratings: 0,
    shiftNotes: 0,
  };
  /** Women sleep in their own dorm: which rooms are theirs. */
  private readonly womensRooms = new Set<string>();
  /** How well each trainee keeps the rules (0..1), drawn when first seen. */
  private readonly temper = new Map<string, number>();
  /** Each trainee's admission month (yyyy-MM): that month's rating reflects detox. */
  private readonly admissionMonths = new Map<string, string>();
  /** Violations per trainee per month (yyyy-MM), for the ratings. */
  private readonly violationMonths = new Map<string, number>();
  private readonly rules: Rule[] = [];
  private readonly agenda = new Map<string, Task[]>();
  private mismatch: Mismatch | null = null;
  private gamblingType = '';
  /** Where the admin adds a room when every bed is taken (a busy year). */
  private readonly lastDorm = { men: '', women: '' };
  private extraRooms = 0;

  /** From this day on, a count every evening (before it, weekly). */
  private readonly dailyCountsFrom: string;
  /** Its own draws of moments and ids: the other areas' stories stay as they were. */
  private readonly lane: DemoLane;

  constructor(
    private readonly rng: Rng,
    private readonly target: number,
    lastDay: string,
  ) {
    this.dailyCountsFrom = addDays(lastDay, -DAILY_COUNT_DAYS + 1);
    this.lane = { clock: rng.fork('clock'), ids: rng.fork('ids') };
  }

  /** As the duty officer, on the area's own clock (see DemoLane). */
  private duty<N extends HandlerName>(world: DemoWorld, name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>> {
    return world.command(name, input, DUTY_CONNECTION, this.lane);
  }

  /** As the admin (the layout, the catalog). */
  private admin<N extends HandlerName>(world: DemoWorld, name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>> {
    return world.command(name, input, world.connection, this.lane);
  }

  private plan(day: string, task: Task): void {
    const list = this.agenda.get(day);
    if (list) list.push(task);
    else this.agenda.set(day, [task]);
  }

  /** The admin's layout: shared rooms for about 1.3 times the people expected, in 4–6 dorms. */
  async start(world: DemoWorld): Promise<void> {
    const rng = this.rng;
    const menRooms = Math.ceil((this.target * 0.92 * 1.3) / 10);
    const menDorms = Math.min(5, Math.max(1, Math.ceil(menRooms / 4)));
    const womenRooms = Math.max(1, Math.ceil((this.target * 0.08 * 1.5) / 10));
    const dorm = async (name: string) => (await this.admin(world, 'housing.addDorm', { name })).dormId;
    const room = async (dormId: string, name: string, capacity: number, separateHousing: boolean) => {
      const { roomId } = await this.admin(world, 'housing.addRoom', { dormId, name, capacity, separateHousing });
      this.counts.rooms += 1;
      this.counts.beds += capacity;
      return roomId;
    };
    let n = 0;
    for (let d = 0; d < menDorms; d++) {
      const dormId = await dorm(`Khu ${String.fromCharCode(65 + d)}`);
      this.lastDorm.men = dormId;
      this.counts.dorms += 1;
      const rooms = Math.ceil((menRooms - n) / (menDorms - d));
      for (let r = 1; r <= rooms; r++) await room(dormId, `Phòng ${d + 1}${String(r).padStart(2, '0')}`, rng.pick([8, 10, 10, 12]), false);
      n += rooms;
      // The first dorm has the men's separate-housing room (sized for the flags the medical officers set).
      if (d === 0) await room(dormId, 'Phòng ở riêng', Math.max(4, Math.ceil(this.target * 0.08)), true);
    }
    const women = await dorm('Khu nữ');
    this.lastDorm.women = women;
    this.counts.dorms += 1;
    for (let r = 1; r <= womenRooms; r++) this.womensRooms.add(await room(women, `Phòng N${r}`, 8, false));
    this.womensRooms.add(await room(women, 'Phòng ở riêng nữ', 2, true));
    this.gamblingType = (await this.admin(world, 'conduct.types.add', { name: text.GAMBLING })).typeId;
  }

  async day(world: DemoWorld): Promise<void> {
    for (const t of world.inCare.values()) {
      if (this.temper.has(t.traineeId)) continue;
      this.temper.set(t.traineeId, Math.min(1, Math.max(0, 0.62 + (this.rng.next() - 0.5) * 0.8)));
      this.admissionMonths.set(t.traineeId, t.admissionDate.slice(0, 7));
    }
    await this.housing(world);
    await this.resolveMismatch(world);
    if (this.rng.chance(0.35)) await this.note(world, addDays(world.day, -1), 'night', text.NIGHT_NOTES);
    await this.incidents(world);
    // The day's planned work (measures decided, self-criticisms handed in), taken after the
    // incidents because a measure may be decided the day an incident is recorded.
    const due = this.agenda.get(world.day) ?? [];
    this.agenda.delete(world.day);
    for (const task of due) await task(world);
    await this.reviewRules(world);
    if (world.day.endsWith('-01')) await this.rateLastMonth(world);
    await this.rewards(world);
  }

  async evening(world: DemoWorld): Promise<void> {
    if (this.rng.chance(0.25)) await this.note(world, world.day, 'day', text.DAY_NOTES);
    // The roll call is every evening; the demo records it each Sunday, and every evening of the
    // last weeks (the handover and the duty log show them): a count a day for years adds little.
    if (weekday(world.day) === 0 || world.day >= this.dailyCountsFrom) {
      world.until(MINUTES.rollCall);
      await this.headcount(world);
    }
  }

  /* ------------------------------------------------------------------ housing */

  private async housing(world: DemoWorld): Promise<void> {
    // One read of the board a day; the day's copy is kept in step with what is recorded.
    const { rooms, unassigned } = await world.read('housing.board', {}, DUTY_CONNECTION);
    // Beds of those who left today are freed first; their keep-apart rules end.
    for (const room of rooms) {
      for (const o of room.occupants.filter((x) => !world.inCare.has(x.traineeId))) {
        await this.duty(world, 'housing.vacate', { traineeId: o.traineeId, date: world.day, reason: text.VACATE_REASONS[world.departures.get(o.traineeId) ?? 'other'] });
        room.occupants.splice(room.occupants.indexOf(o), 1);
        this.counts.vacated += 1;
        for (const rule of this.rules.filter((r) => r.a === o.traineeId || r.b === o.traineeId)) await this.endRule(world, rule, text.KEEP_APART_ENDED_RELEASE);
      }
    }
    // Flagged trainees go to the separate-housing room, those whose flag was cleared come back.
    for (const room of rooms) {
      for (const o of [...room.occupants]) {
        if (o.separateHousing === room.separateHousing) continue;
        const target = await this.findBed(world, rooms, o.traineeId, (r) => r.separateHousing === o.separateHousing);
        if (target) await this.move(world, rooms, o.traineeId, target, o.separateHousing ? text.TO_SEPARATE : text.FROM_SEPARATE);
      }
    }
    for (const t of unassigned) {
      const target = await this.findBed(world, rooms, t.traineeId, (r) => r.separateHousing === t.separateHousing);
      if (target) {
        await this.duty(world, 'housing.assign', { traineeId: t.traineeId, roomId: target.roomId, bed: target.bed, date: world.day, override: null });
        this.place(rooms, t.traineeId, target);
      } else {
        // Only when the separate room is full: a shared bed, recorded anyway with the reason.
        const shared = this.candidates(world, rooms, t.traineeId, (r) => !r.separateHousing)[0] ?? (await this.extraRoom(world, rooms, t.traineeId));
        await this.duty(world, 'housing.assign', { traineeId: t.traineeId, roomId: shared.roomId, bed: shared.bed, date: world.day, override: { reason: text.SEPARATE_FULL_OVERRIDE } });
        this.place(rooms, t.traineeId, shared);
        this.counts.overrides += 1;
      }
      this.counts.bedsAssigned += 1;
    }
    // Now and then someone changes rooms (a team's request, a broken bed).
    const shared = rooms.filter((r) => !r.separateHousing && r.occupants.length > 0);
    for (let i = shared.length > 0 ? this.rng.poisson((world.inCare.size * MOVES_PER_TRAINEE_YEAR) / 365) : 0; i > 0; i--) {
      const room = this.rng.pick(shared);
      if (room.occupants.length === 0) continue;
      const who = this.rng.pick(room.occupants);
      const target = await this.findBed(world, rooms, who.traineeId, (r) => !r.separateHousing && r.roomId !== room.roomId);
      if (target) await this.move(world, rooms, who.traineeId, target, this.rng.pick(text.MOVE_REASONS));
    }
  }

  /** Every bed of the sex's dorms is taken: the admin opens another room (a busy year). */
  private async extraRoom(world: DemoWorld, rooms: BoardRoom[], traineeId: string): Promise<{ roomId: string; bed: number }> {
    const woman = world.inCare.get(traineeId)?.sex === 'female';
    const dormId = woman ? this.lastDorm.women : this.lastDorm.men;
    this.extraRooms += 1;
    const name = `Phòng bổ sung ${this.extraRooms}`;
    const { roomId } = await this.admin(world, 'housing.addRoom', { dormId, name, capacity: 8, separateHousing: false });
    if (woman) this.womensRooms.add(roomId);
    this.counts.rooms += 1;
    this.counts.beds += 8;
    rooms.push({ roomId, dormId, dormName: '', name, capacity: 8, separateHousing: false, occupants: [] });
    return { roomId, bed: 1 };
  }

  /** Free beds in suitable rooms (the person's sex), emptiest rooms first. */
  private candidates(world: DemoWorld, rooms: BoardRoom[], traineeId: string, suits: (r: BoardRoom) => boolean): { roomId: string; bed: number }[] {
    const woman = world.inCare.get(traineeId)?.sex === 'female';
    return rooms
      .filter((r) => suits(r) && this.womensRooms.has(r.roomId) === woman && r.occupants.length < r.capacity && !r.occupants.some((o) => o.traineeId === traineeId))
      .sort((a, b) => a.occupants.length / a.capacity - b.occupants.length / b.capacity)
      .map((r) => {
        const taken = new Set(r.occupants.map((o) => o.bed));
        let bed = 1;
        while (taken.has(bed)) bed += 1;
        return { roomId: r.roomId, bed };
      });
  }

  /** The first suitable bed the core raises no warning for (as the board asks before recording). */
  private async findBed(world: DemoWorld, rooms: BoardRoom[], traineeId: string, suits: (r: BoardRoom) => boolean) {
    for (const c of this.candidates(world, rooms, traineeId, suits).slice(0, 8)) {
      const { warnings } = await world.read('housing.check', { traineeId, ...c }, DUTY_CONNECTION);
      if (warnings.length === 0) return c;
    }
    return null;
  }

  private async move(world: DemoWorld, rooms: BoardRoom[], traineeId: string, to: { roomId: string; bed: number }, reason: string): Promise<void> {
    await this.duty(world, 'housing.move', { traineeId, roomId: to.roomId, bed: to.bed, date: world.day, reason, override: null });
    this.place(rooms, traineeId, to);
    this.counts.moves += 1;
  }

  /** Keep the day's copy of the board in step with what was recorded. */
  private place(rooms: BoardRoom[], traineeId: string, to: { roomId: string; bed: number }): void {
    let occupant: BoardRoom['occupants'][number] | undefined;
    for (const r of rooms) {
      const i = r.occupants.findIndex((o) => o.traineeId === traineeId);
      if (i >= 0) [occupant] = r.occupants.splice(i, 1);
    }
    const room = rooms.find((r) => r.roomId === to.roomId)!;
    room.occupants.push({ traineeId, fullName: '', fileNumber: '', separateHousing: occupant?.separateHousing ?? room.separateHousing, bed: to.bed, since: '' });
  }

  /* ------------------------------------------------------------------ conduct */

  /** Yesterday's incidents, recorded this morning: rule-breakers are chosen by temper. */
  private async incidents(world: DemoWorld): Promise<void> {
    const rng = this.rng;
    const yesterday = addDays(world.day, -1);
    const people = [...world.inCare.values()].filter((t) => t.admissionDate <= yesterday);
    if (people.length < 3) return;
    const violations = rng.poisson((people.length * VIOLATIONS_PER_TRAINEE_YEAR) / 365 / 1.6);
    for (let i = 0; i < violations; i++) {
      const kind = rng.weighted(text.INCIDENTS.map((k) => [k, k.weight] as const));
      const count = Math.min(rng.weighted(kind.people), people.length);
      const chosen: string[] = [];
      while (chosen.length < count) {
        const t = rng.weighted(people.filter((p) => !chosen.includes(p.traineeId)).map((p) => [p.traineeId, (1.05 - (this.temper.get(p.traineeId) ?? 0.6)) ** 2] as const));
        chosen.push(t);
      }
      const hour = rng.int(kind.hours[0], Math.min(kind.hours[1], 22));
      const others = people.filter((p) => !chosen.includes(p.traineeId));
      const witness = rng.chance(0.6) && others.length > 0 ? `; học viên ${rng.pick(others).fullName}` : '';
      const { violationIds } = await this.duty(world, 'conduct.violations.record', {
        traineeIds: chosen,
        typeId: kind.typeId === 'gambling' ? this.gamblingType : kind.typeId,
        date: yesterday,
        time: `${String(hour).padStart(2, '0')}:${String(rng.int(0, 11) * 5).padStart(2, '0')}`,
        place: rng.pick(text.PLACES),
        description: rng.pick(kind.descriptions),
        witnesses: `Cán bộ trực ban${witness}`,
      });
      this.counts.incidents += 1;
      this.counts.violations += chosen.length;
      chosen.forEach((traineeId, j) => {
        const key = `${traineeId}:${yesterday.slice(0, 7)}`;
        this.violationMonths.set(key, (this.violationMonths.get(key) ?? 0) + 1);
        this.temper.set(traineeId, Math.max(0, (this.temper.get(traineeId) ?? 0.6) - 0.05));
        this.planMeasure(world, traineeId, violationIds[j]!, yesterday, kind.measures);
      });
      if (kind.typeId === 'fighting' && rng.chance(0.45)) await this.keepApart(world, chosen[0]!, chosen[1]!, rng.chance(0.3) ? 'bullying' : 'violence');
    }
  }

  /** The measure is decided within days (the director signs a discipline room), then the self-criticism. */
  private planMeasure(world: DemoWorld, traineeId: string, violationId: string, date: string, choices: IncidentMeasures): void {
    const rng = this.rng;
    const kind = rng.weighted(choices);
    const start = addDays(date, rng.int(1, 3));
    this.plan(start, async (w) => {
      if (!w.inCare.has(traineeId)) return;
      const end = kind === 'discipline_room' ? addDays(start, rng.int(2, MAX_DISCIPLINE_ROOM_DAYS) - 1) : kind === 'other' ? addDays(start, 2) : null;
      const { measureId } = await this.duty(w, 'conduct.measures.impose', { traineeId, violationId, kind, start, end, note: rng.pick(text.MEASURE_NOTES[kind]) });
      this.counts.measures += 1;
      if (kind !== 'criticism' && rng.chance(0.05)) {
        this.plan(addDays(start, 1), async (x) => {
          if (x.inCare.has(traineeId)) await this.duty(x, 'conduct.measures.suspend', { traineeId, measureId, until: addDays(x.day, rng.int(7, 20)), note: rng.pick(text.SUSPEND_NOTES) });
        });
      }
    });
    if (rng.chance(0.85)) {
      const received = addDays(start, rng.int(0, 3));
      this.plan(received, async (w) => {
        if (w.inCare.has(traineeId)) await this.duty(w, 'conduct.selfCriticism.receive', { traineeId, violationId, date: received });
      });
    }
  }

  /** A rule after a fight; the two are moved apart when they share a room (or dorm). */
  private async keepApart(world: DemoWorld, a: string, b: string, reason: KeepApartReason): Promise<void> {
    const rng = this.rng;
    if (this.rules.some((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a))) return;
    const level: KeepApartLevel = rng.weighted([['room', 6], ['dorm', 3], ['area', 1]] as const);
    const reviewDate = addMonths(world.day, rng.int(2, 4));
    const { ruleId } = await this.duty(world, 'duty.keepApart.set', {
      traineeA: a,
      traineeB: b,
      level,
      reason,
      note: rng.pick(text.KEEP_APART_NOTES[reason]),
      roleA: 'perpetrator',
      roleB: reason === 'bullying' ? 'victim' : rng.pick(['victim', 'unknown'] as const),
      reviewDate,
    });
    this.rules.push({ ruleId, a, b, reviewDate });
    this.counts.keepApartRules += 1;
    const board = await world.read('housing.board', {}, DUTY_CONNECTION);
    const where = (id: string) => board.rooms.find((r) => r.occupants.some((o) => o.traineeId === id));
    const ra = where(a);
    const rb = where(b);
    if (!ra || !rb || ra.separateHousing || rb.separateHousing) return;
    if (ra.roomId !== rb.roomId && (level === 'room' || ra.dormId !== rb.dormId)) return;
    const target = await this.findBed(world, board.rooms, a, (r) => !r.separateHousing && r.roomId !== rb.roomId);
    if (target) await this.move(world, board.rooms, a, target, text.KEEP_APART_MOVE);
  }

  private async endRule(world: DemoWorld, rule: Rule, note: string): Promise<void> {
    await this.duty(world, 'duty.keepApart.end', { ruleId: rule.ruleId, date: world.day, note });
    this.rules.splice(this.rules.indexOf(rule), 1);
  }

  /** Most rules end at their review; some stay (the list shows their review due). */
  private async reviewRules(world: DemoWorld): Promise<void> {
    for (const rule of this.rules.filter((r) => r.reviewDate === world.day)) {
      if (this.rng.chance(0.7)) await this.endRule(world, rule, this.rng.pick(text.KEEP_APART_ENDED));
    }
  }

  /* ------------------------------------------------------------------ ratings and rewards */

  /** On the first of the month, last month's sheet for everyone in care during it. */
  private async rateLastMonth(world: DemoWorld): Promise<void> {
    const month = addMonths(world.day, -1).slice(0, 7);
    const sheet = await world.read('duty.recognition.sheet', { month }, DUTY_CONNECTION);
    if (sheet.rows.length === 0) return;
    const ratings = sheet.rows.map((row) => ({ traineeId: row.traineeId, rating: this.rating(row.traineeId, month) }));
    await this.duty(world, 'duty.recognition.rate', { month, ratings });
    this.counts.ratings += ratings.length;
  }

  private rating(traineeId: string, month: string): Rating {
    const t = this.temper.get(traineeId) ?? 0.6;
    // The month of admission is spent mostly in detox: rarely better than average.
    const first = this.admissionMonths.get(traineeId) === month ? 0.25 : 0;
    const score = t + (this.rng.next() - 0.5) * 0.3 - (this.violationMonths.get(`${traineeId}:${month}`) ?? 0) * 0.35 - first;
    // Good months steady people: temper drifts up over the stay.
    this.temper.set(traineeId, Math.min(1, t + 0.01));
    return score > 0.78 ? 'good' : score > 0.45 ? 'fair' : score > 0.22 ? 'average' : 'poor';
  }

  private async rewards(world: DemoWorld): Promise<void> {
    const rng = this.rng;
    const day = world.day;
    const dom = Number(day.slice(8, 10));
    const month = Number(day.slice(5, 7));
    // Early in each quarter: commendations for the last quarter, a few term-reduction proposals.
    if (dom === 5 && month % 3 === 1) {
      const lastMonth = addMonths(day, -1).slice(0, 7);
      const e = await world.read('duty.recognition.eligibility', { month: lastMonth }, DUTY_CONNECTION);
      const commend = e.commendation.filter((t) => world.inCare.has(t.traineeId)).map((t) => t.traineeId);
      if (commend.length > 0) await this.reward(world, commend, 'commendation', text.REWARD_REASONS.commendation(`${Math.ceil(Number(lastMonth.slice(5)) / 3)}/${lastMonth.slice(0, 4)}`));
      const propose = e.termReduction.filter((t) => world.inCare.has(t.traineeId) && rng.chance(0.3)).map((t) => t.traineeId);
      if (propose.length > 0) await this.reward(world, propose.slice(0, 3), 'term_reduction_proposal', text.REWARD_REASONS.termReduction);
    }
    // An extra family visit for a few of last month's best.
    if (dom === 3) {
      const best = [...world.inCare.values()].filter((t) => t.admissionDate < addDays(day, -60) && (this.temper.get(t.traineeId) ?? 0) > 0.85).map((t) => t.traineeId);
      if (best.length > 0) await this.reward(world, best.slice(0, rng.int(2, 6)), 'extra_visit', text.REWARD_REASONS.extraVisit);
    }
    // Tết gifts, a week before the lunar new year.
    const tet = text.TET[year(day)];
    if (tet && daysBetween(day, tet) === 7) {
      const good = [...world.inCare.values()].filter((t) => (this.temper.get(t.traineeId) ?? 0) > 0.7).map((t) => t.traineeId);
      if (good.length > 0) await this.reward(world, good, 'gift', text.REWARD_REASONS.gift);
    }
    if (rng.chance(world.inCare.size / 365 / 40)) await this.reward(world, [rng.pick([...world.inCare.keys()])], 'other', rng.pick(text.REWARD_REASONS.other));
  }

  private async reward(world: DemoWorld, traineeIds: string[], kind: 'commendation' | 'gift' | 'extra_visit' | 'term_reduction_proposal' | 'other', reason: string): Promise<void> {
    await this.duty(world, 'duty.recognition.reward', { traineeIds, kind, reason, date: world.day });
    this.counts.rewards += traineeIds.length;
  }

  /* ------------------------------------------------------------------ shift notes and the roll call */

  private async note(world: DemoWorld, date: string, shift: 'day' | 'night', lines: readonly string[]): Promise<void> {
    await this.duty(world, 'dutyLog.recordNote', { date, shift, text: this.rng.pick(lines) });
    this.counts.shiftNotes += 1;
  }

  /** Every room at the evening roll call; now and then one is off by one (resolved the next morning). */
  private async headcount(world: DemoWorld): Promise<void> {
    const sheet = await world.read('duty.headcount.sheet', {}, DUTY_CONNECTION);
    const rooms = sheet.map((r) => ({ roomId: r.roomId, counted: r.expectedPresent, note: '' }));
    let off: Mismatch | null = null;
    const occupied = sheet.filter((r) => r.expectedPresent > 0);
    if (occupied.length > 0 && !this.mismatch && this.rng.chance(world.day >= this.dailyCountsFrom ? 1 / 15 : 1 / 6)) {
      const room = this.rng.pick(occupied);
      const extra = this.rng.chance(0.3);
      const row = rooms.find((r) => r.roomId === room.roomId)!;
      row.counted += extra ? 1 : -1;
      row.note = extra ? text.MISMATCH_EXTRA : this.rng.pick(text.MISMATCH_SHORT);
      const who = this.rng.pick(room.occupants.filter((o) => !o.atHospital));
      off = { countId: '', roomId: room.roomId, name: who.fullName, extra };
    }
    const { countId } = await this.duty(world, 'duty.headcount.record', { at: world.now.toISOString(), rooms });
    this.counts.headcounts += 1;
    if (off) {
      this.mismatch = { ...off, countId };
      this.counts.mismatches += 1;
    }
  }

  private async resolveMismatch(world: DemoWorld): Promise<void> {
    if (!this.mismatch) return;
    const m = this.mismatch;
    this.mismatch = null;
    await this.duty(world, 'duty.headcount.resolve', { countId: m.countId, roomId: m.roomId, note: text.mismatchResolved(m.name, m.extra) });
  }
}

type IncidentMeasures = readonly (readonly [MeasureKind, number])[];
