import { PHASES, type Phase, type Substance } from '../../../shared/admissions';
import type { HandlerInput, HandlerName, HandlerOutput } from '../../../shared/api';
import type { DemoMedicalCounts, DemoStaff } from '../../../shared/demo';
import { DEFAULT_MEDICAL_SETTINGS, SCREENING_TESTS, type MedicalSettings, type ScreeningTest } from '../../../shared/medical/common';
import type { DetoxSubstance } from '../../../shared/medical/detox';
import type { HousingReason, WorkRestrictionCode } from '../../../shared/medical/flags';
import type { DoseSlot, DoseStatus } from '../../../shared/medical/prescriptions';
import { AWQ, CIWA_AR, COWS, type Answers, type ScaleDefinition } from '../../../shared/medical/scales';
import type { ScreeningResults, UrineCode } from '../../../shared/medical/screening';
import { addDays, addMonths, daysBetween } from './calendar';
import * as text from './medicalText';
import type { Rng } from './random';
import type { DemoArea, DemoTrainee, DemoWorld } from './world';

/**
 * The medical officer's years: intake and periodic screening, detox episodes assessed about every
 * eight hours with scores that fall, short prescriptions, ART with CD4, viral loads, pill counts
 * and adherence counselling, separate-housing flags, work restrictions, hospital referrals, and
 * each trainee's stage of treatment. Every command goes through the service as a signed-in
 * medical officer (or duty officer), so nothing here may be refused: the area keeps just enough
 * state to respect the deciders' rules (one active episode, one housing flag, one open referral).
 */

/** The medication round is recorded for the last ROUND_DAYS days of the story only: every slot of
 * every day for years would be most of the log (a dose is one event) for little teaching value;
 * 45 days covers the 30-day adherence window the dashboards read. */
export const ROUND_DAYS = 45;

export const MEDICAL_OFFICER: DemoStaff = { username: 'yte', fullName: 'Lê Thị Hạnh', roles: ['medical'] };
export const DUTY_OFFICER: DemoStaff = { username: 'trucban', fullName: 'Phạm Văn Dũng', roles: ['duty'] };
const MED = 'sen-demo-medical';
/** The duty officer's workstation session (the duty area's work goes through it too). */
export const DUTY_CONNECTION = 'sen-demo-duty';
const DUTY = DUTY_CONNECTION;

/**
 * The demo facility's settings: the defaults, but urine and vitals every two months instead of
 * monthly (a facility's choice; it also keeps the generated log, and the time to play it, smaller).
 */
const SETTINGS: MedicalSettings = { ...DEFAULT_MEDICAL_SETTINGS, rescreenDays: { ...DEFAULT_MEDICAL_SETTINGS.rescreenDays, urine: 60, vitals: 60 } };
const MINUTES = { noon: 11 * 60 + 15, afternoon: 14 * 60, evening: 17 * 60 + 10, night: 20 * 60 + 30, lateAssessment: 21 * 60 + 40 };
const HOUR_MS = 3_600_000;
const HIV_SHARE = 0.12;

type ScaleId = 'cows' | 'awq' | 'ciwa-ar';
const SCALES: Record<ScaleId, ScaleDefinition> = { cows: COWS, awq: AWQ, 'ciwa-ar': CIWA_AR };

interface Episode {
  episodeId: string;
  scale: ScaleId;
  startDay: string;
  /** Closed on the morning of this day. */
  endDay: string;
  startMs: number;
  endMs: number;
  /** Peak intensity, 0..1 of each item's range. */
  peak: number;
  lastMs: number;
  /** The detox-observation housing flag this episode set, cleared when it closes. */
  observationFlag: string | null;
  /** Recorded late on the last day of the story: the dashboard shows it overdue. */
  skipLastEvening: boolean;
}

interface Art {
  regimen: 'dtg' | 'efv';
  lastPillCount: string;
  /** The next counselling session's number. */
  session: number;
}

interface Patient {
  t: DemoTrainee;
  phase: Phase;
  hiv: boolean;
  hbv: boolean;
  hcv: boolean;
  syphilis: boolean;
  /** Already on ART at an outpatient clinic before admission. */
  knownHiv: boolean;
  weight: number;
  maxWeight: number;
  last: Partial<Record<ScreeningTest, string>>;
  /** The day of the next periodic session (null until the intake is done). */
  nextSession: string | null;
  episode: Episode | null;
  flag: { flagId: string; reason: HousingReason } | null;
  restrictions: { restrictionId: string; code: WorkRestrictionCode; until: string | null }[];
  referralId: string | null;
  art: Art | null;
  /** Takes the round's doses less faithfully (a few fall under the adherence threshold). */
  poorAdherence: boolean;
}

type Task = (p: Patient, world: DemoWorld) => Promise<void>;

export class MedicalArea implements DemoArea {
  readonly name = 'medical';
  readonly counts: DemoMedicalCounts = {
    screenings: 0,
    detoxEpisodes: 0,
    detoxAssessments: 0,
    prescriptions: 0,
    doses: 0,
    artStarted: 0,
    onArt: 0,
    labs: 0,
    referrals: 0,
    housingFlags: 0,
    workRestrictions: 0,
    phaseChanges: 0,
  };
  readonly staff: DemoStaff[] = [MEDICAL_OFFICER, DUTY_OFFICER];
  private readonly patients = new Map<string, Patient>();
  /** Work planned for a day, per trainee, in the order it was planned. */
  private readonly agenda = new Map<string, { traineeId: string; task: Task }[]>();
  private readonly drugs = new Map<string, string>();
  private readonly roundsFrom: string;
  private readonly recentFrom: string;

  constructor(
    private readonly rng: Rng,
    private readonly password: string,
    /** The story's last day (rounds, incomplete intakes and active episodes are placed from it). */
    private readonly lastDay: string,
  ) {
    this.roundsFrom = addDays(lastDay, -(ROUND_DAYS - 1));
    this.recentFrom = addDays(lastDay, -25);
  }

  private med<N extends HandlerName>(world: DemoWorld, name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>> {
    return world.command(name, input, MED);
  }

  async start(world: DemoWorld): Promise<void> {
    // The admin creates the accounts with a temporary password; each person signs in on their
    // own workstation session and chooses the demo password (so everyone signs in with one).
    for (const [who, connection] of [
      [MEDICAL_OFFICER, MED],
      [DUTY_OFFICER, DUTY],
    ] as const) {
      const temporary = `tam-thoi-${this.rng.digits(6)}`;
      await world.command('accounts.create', { fullName: who.fullName, username: who.username, roles: who.roles, password: temporary, passwordConfirm: temporary });
      await world.command('auth.signIn', { username: who.username, password: temporary }, connection);
      await world.command('auth.changePassword', { currentPassword: temporary, newPassword: this.password, newPasswordConfirm: this.password }, connection);
    }
    await this.med(world, 'medical.settings.set', SETTINGS);
    await this.med(world, 'medical.formulary.addStarter', {});
    await this.med(world, 'medical.formulary.add', { name: 'Rotundin', form: 'tablet', strength: '30 mg', arv: false });
    await this.med(world, 'medical.formulary.add', { name: 'Cotrimoxazole', form: 'tablet', strength: '960 mg', arv: false });
    for (const item of await this.med(world, 'medical.formulary.list', {})) this.drugs.set(item.name, item.id);
  }

  async finish(world: DemoWorld): Promise<void> {
    this.counts.onArt = [...this.patients.values()].filter((p) => p.art !== null).length;
    await world.command('auth.signOut', {}, MED);
    await world.command('auth.signOut', {}, DUTY);
  }

  private drug(name: string): string {
    const id = this.drugs.get(name);
    if (!id) throw new Error(`demo: no formulary item ${name}`);
    return id;
  }

  private plan(day: string, traineeId: string, task: Task): void {
    const list = this.agenda.get(day);
    if (list) list.push({ traineeId, task });
    else this.agenda.set(day, [{ traineeId, task }]);
  }

  async day(world: DemoWorld): Promise<void> {
    const day = world.day;
    this.sync(world);
    const due = this.agenda.get(day) ?? [];
    this.agenda.delete(day);
    // Morning: the day's planned work, periodic screening, the odd illness, assessments, the round.
    for (const { traineeId, task } of due) {
      const p = this.patients.get(traineeId);
      if (p) await task(p, world);
    }
    await this.periodicScreening(world);
    await this.happenings(world);
    await this.assessAll(world, 'morning');
    await this.round(world, 'morning');
    world.until(MINUTES.noon);
    await this.round(world, 'noon');
    world.until(MINUTES.afternoon);
    await this.assessAll(world, 'afternoon');
    world.until(MINUTES.evening);
    await this.round(world, 'evening');
    world.until(MINUTES.night);
    await this.round(world, 'night');
    world.until(MINUTES.lateAssessment);
    await this.assessAll(world, 'night');
  }

  /** New admissions get a plan; released trainees leave the area's memory. */
  private sync(world: DemoWorld): void {
    for (const id of [...this.patients.keys()]) if (!world.inCare.has(id)) this.patients.delete(id);
    for (const t of world.inCare.values()) if (!this.patients.has(t.traineeId)) this.admit(t);
  }

  private admit(t: DemoTrainee): void {
    const rng = this.rng;
    // About 12% of people in care live with HIV: the chance leans toward that share of those in
    // care now, so a small facility does not end with twice or half of it by luck.
    const withHiv = [...this.patients.values()].filter((q) => q.hiv).length;
    const hiv = rng.chance(Math.min(0.6, Math.max(0.02, HIV_SHARE + 0.15 * (HIV_SHARE * (this.patients.size + 1) - withHiv))));
    const male = t.sex === 'male';
    const p: Patient = {
      t,
      phase: 'intake',
      hiv,
      knownHiv: hiv && rng.chance(0.3),
      hbv: rng.chance(0.1),
      hcv: rng.chance(t.substances.includes('heroin') ? 0.35 : 0.08),
      syphilis: rng.chance(0.03),
      weight: male ? rng.int(440, 640) / 10 : rng.int(380, 520) / 10,
      maxWeight: 0,
      last: {},
      nextSession: null,
      episode: null,
      flag: null,
      restrictions: [],
      referralId: null,
      art: null,
      poorAdherence: false,
    };
    p.maxWeight = p.weight + rng.int(4, 12);
    this.patients.set(t.traineeId, p);
    const id = t.traineeId;
    const day = t.admissionDate;
    const recent = day >= this.recentFrom;

    // Intake screening within 1–5 days; the blood tests sometimes come back days later, and for
    // some recent admissions not yet (the screening dashboard lists them).
    const intake = addDays(day, rng.int(1, 5));
    const split = rng.chance(recent ? 0.8 : 0.3);
    if (split) {
      this.plan(intake, id, (q, w) => this.screen(q, w, ['tb', 'urine', 'vitals'], 'intake'));
      this.plan(addDays(intake, recent ? rng.int(14, 45) : rng.int(2, 6)), id, (q, w) => this.screen(q, w, ['hiv', 'hbv', 'hcv', 'syphilis'], 'serology'));
    } else {
      this.plan(intake, id, (q, w) => this.screen(q, w, [...SCREENING_TESTS], 'intake'));
    }

    // Detox for most: opioids on COWS, stimulants on AWQ, a few heavy drinkers on CIWA-Ar.
    const opioid = t.substances.find((s): s is 'heroin' | 'opium' => s === 'heroin' || s === 'opium');
    const stimulant = t.substances.find((s) => s === 'methamphetamine' || s === 'amphetamine' || s === 'mdma' || s === 'ketamine');
    let substance: DetoxSubstance | null = null;
    if (male && rng.chance(0.03)) substance = 'alcohol';
    else if (opioid && rng.chance(0.95)) substance = opioid;
    else if (stimulant && rng.chance(0.82)) substance = stimulant;
    if (substance) {
      const startDay = addDays(day, rng.chance(0.6) ? 0 : 1);
      const s = substance;
      this.plan(startDay, id, (q, w) => this.startDetox(q, w, s));
    } else {
      this.plan(addDays(intake, rng.int(3, 10)), id, (q, w) => this.advance(q, w, 'education', MED));
    }

    // Labor therapy after about three months; preparation for reintegration two months before the end.
    const reintegration = addDays(addMonths(t.plannedReleaseDate, -2), rng.int(-5, 5));
    const labor = addDays(day, rng.int(80, 100));
    if (daysBetween(labor, reintegration) > 20) {
      this.plan(labor, id, (q, w) => this.startLabor(q, w));
    }
    this.plan(reintegration, id, (q, w) => this.advance(q, w, 'reintegration', DUTY));
  }

  /* ------------------------------------------------------------------ phases */

  private async advance(p: Patient, world: DemoWorld, to: Phase, connection: string): Promise<void> {
    if (PHASES.indexOf(to) <= PHASES.indexOf(p.phase)) return;
    await world.command('trainees.advancePhase', { traineeId: p.t.traineeId, from: p.phase, to, date: world.day, note: '' }, connection);
    p.phase = to;
    this.counts.phaseChanges += 1;
  }

  private async startLabor(p: Patient, world: DemoWorld): Promise<void> {
    await this.advance(p, world, 'labor', DUTY);
    // Some are fit for light work only: the instructors see what, never why.
    if (this.rng.chance(0.07)) {
      const code = this.rng.weighted<WorkRestrictionCode>([['no_heavy_labor', 5], ['no_sharp_tools', 2], ['no_heat_or_chemicals', 2]]);
      const until = this.rng.chance(0.5) ? null : addDays(world.day, this.rng.int(30, 120));
      await this.restrict(p, world, code, this.rng.pick(text.WORK_RESTRICTION_REASONS[code]), until);
      const r = p.restrictions.at(-1);
      if (r && until === null && this.rng.chance(0.35)) {
        this.plan(addDays(world.day, this.rng.int(60, 200)), p.t.traineeId, (q, w) => this.clearRestriction(q, w, r.restrictionId));
      }
    }
  }

  /* ------------------------------------------------------------------ screening */

  private urinePanel(p: Patient, intake: boolean): Partial<Record<UrineCode, 'negative' | 'positive'>> {
    const rng = this.rng;
    if (!intake) {
      // The monthly strip in care: two drugs; a positive is rare and reported.
      return { MET: rng.chance(0.003) ? 'positive' : 'negative', MOP: 'negative' };
    }
    const used = new Set<Substance>(p.t.substances);
    // Many spent days in police custody before the court's decision: not everyone tests positive.
    const recentUse = rng.chance(0.7);
    const pos = (s: boolean): 'negative' | 'positive' => (s && recentUse ? 'positive' : 'negative');
    const meth = used.has('methamphetamine');
    return {
      AMP: pos(used.has('amphetamine') || (meth && rng.chance(0.6))),
      MET: pos(meth || (used.has('mdma') && rng.chance(0.5))),
      MDMA: pos(used.has('mdma')),
      MOP: pos(used.has('heroin') || used.has('opium')),
      THC: pos(used.has('cannabis')),
      KET: pos(used.has('ketamine')),
    };
  }

  private vitals(p: Patient, intake: boolean): NonNullable<ScreeningResults['vitals']> {
    const rng = this.rng;
    const withdrawal = intake && p.episode !== null;
    const systolic = rng.int(100, withdrawal ? 145 : 135);
    p.weight = Math.min(p.maxWeight, Math.round((p.weight + (intake ? 0 : rng.int(-3, 9) / 10)) * 10) / 10);
    return {
      pulse: withdrawal ? rng.int(84, 112) : rng.int(62, 92),
      systolic,
      diastolic: Math.min(systolic - 25, rng.int(60, 90)),
      temperature: rng.int(362, withdrawal ? 376 : 372) / 10,
      respiratoryRate: rng.int(16, 20),
      weightKg: p.weight,
    };
  }

  private async screen(p: Patient, world: DemoWorld, tests: readonly ScreeningTest[], kind: 'intake' | 'serology' | 'periodic'): Promise<void> {
    if (p.referralId && kind !== 'periodic') {
      // At hospital: the officer does it when they are back.
      this.plan(addDays(world.day, 3), p.t.traineeId, (q, w) => this.screen(q, w, tests, kind));
      return;
    }
    const rng = this.rng;
    const intake = kind !== 'periodic';
    const results: ScreeningResults = {};
    const serology = (positive: boolean) => (positive ? 'positive' : rng.chance(0.004) ? 'indeterminate' : 'negative');
    if (tests.includes('hiv')) results.hiv = p.hiv ? 'positive' : 'negative';
    if (tests.includes('hbv')) results.hbv = serology(p.hbv);
    if (tests.includes('hcv')) results.hcv = serology(p.hcv);
    if (tests.includes('syphilis')) results.syphilis = serology(p.syphilis);
    let tbPositive = false;
    if (tests.includes('tb')) {
      tbPositive = p.flag?.reason !== 'infectious_isolation' && rng.chance(intake ? 0.03 : 0.012);
      results.tb = {
        cough2Weeks: tbPositive,
        fever: tbPositive && rng.chance(0.7),
        weightLoss: tbPositive && rng.chance(0.6),
        nightSweats: tbPositive && rng.chance(0.5),
        tbContact: rng.chance(tbPositive ? 0.3 : 0.01),
      };
    }
    if (tests.includes('urine')) results.urine = this.urinePanel(p, kind === 'intake');
    if (tests.includes('vitals')) results.vitals = this.vitals(p, kind === 'intake');

    let note = '';
    if (kind === 'intake') {
      const key = p.t.substances.includes('heroin') ? 'heroin' : p.t.substances.includes('opium') ? 'opium' : p.t.substances.includes('methamphetamine') ? 'methamphetamine' : 'other';
      note = rng.pick(text.INTAKE_NOTES[key]);
      if (!tests.includes('hiv')) note = note ? `${note}. ${text.SEROLOGY_PENDING_NOTE}` : text.SEROLOGY_PENDING_NOTE;
    }
    if (results.hiv === 'positive' && intake) note = p.knownHiv ? text.HIV_KNOWN_NOTE : text.HIV_POSITIVE_NOTE;
    else if (kind === 'serology') note = text.SEROLOGY_RESULTS_NOTE;
    if (tbPositive) note = text.TB_ISOLATION_NOTE;
    if (kind === 'periodic' && results.urine?.MET === 'positive') note = text.URINE_POSITIVE_IN_CARE;

    await this.med(world, 'medical.screening.record', { traineeId: p.t.traineeId, date: world.day, results, note });
    this.counts.screenings += 1;
    for (const test of tests) p.last[test] = world.day;
    if (p.nextSession === null) this.scheduleNextSession(p);

    if (tbPositive) await this.suspectTb(p, world);
    if (intake && results.hiv === 'positive' && p.art === null) {
      const start = addDays(world.day, p.knownHiv ? rng.int(2, 7) : rng.int(14, 28));
      this.plan(start, p.t.traineeId, (q, w) => this.startArt(q, w));
    }
  }

  /** The next periodic session: near the earliest due date, now and then weeks late (overdue on the dashboard). */
  private scheduleNextSession(p: Patient): void {
    const dueDates = SCREENING_TESTS.flatMap((test) => {
      const last = p.last[test];
      const days = SETTINGS.rescreenDays[test];
      return last && days > 0 ? [addDays(last, days)] : [];
    });
    if (dueDates.length === 0) return;
    const earliest = dueDates.reduce((a, b) => (a < b ? a : b));
    const delay = this.rng.chance(0.1) ? this.rng.int(6, 45) : this.rng.int(-4, 2);
    p.nextSession = addDays(earliest, delay);
  }

  private async periodicScreening(world: DemoWorld): Promise<void> {
    for (const p of this.patients.values()) {
      // At hospital: done when they are back.
      if (p.nextSession === null || p.nextSession > world.day || p.referralId) continue;
      // Everything due within ten days is done in the same session.
      const horizon = addDays(world.day, 10);
      const tests = SCREENING_TESTS.filter((test) => {
        const last = p.last[test];
        const days = SETTINGS.rescreenDays[test];
        return last !== undefined && days > 0 && addDays(last, days) <= horizon;
      });
      p.nextSession = null;
      if (tests.length > 0) await this.screen(p, world, tests, 'periodic');
      if (p.nextSession === null) this.scheduleNextSession(p);
    }
  }

  /* ------------------------------------------------------------------ detox */

  private async startDetox(p: Patient, world: DemoWorld, substance: DetoxSubstance): Promise<void> {
    const rng = this.rng;
    const scale: ScaleId = substance === 'heroin' || substance === 'opium' ? 'cows' : substance === 'alcohol' ? 'ciwa-ar' : 'awq';
    const startedAt = world.tick();
    const { episodeId } = await this.med(world, 'medical.detox.start', { traineeId: p.t.traineeId, substance, scaleId: scale, startedAt: startedAt.toISOString() });
    this.counts.detoxEpisodes += 1;
    await this.advance(p, world, 'detox', MED);
    let length = scale === 'cows' ? rng.int(6, 10) : scale === 'awq' ? rng.int(4, 8) : rng.int(4, 7);
    // Admissions of the last days are still in detox when the story ends (the dashboard has rows).
    if (daysBetween(world.day, this.lastDay) < 10 && rng.chance(0.7)) length = Math.max(length, daysBetween(world.day, this.lastDay) + 1);
    const endDay = addDays(world.day, length);
    const peak = scale === 'cows' ? rng.int(35, 75) / 100 : scale === 'awq' ? rng.int(30, 70) / 100 : rng.int(35, 65) / 100;
    const ep: Episode = {
      episodeId,
      scale,
      startDay: world.day,
      endDay,
      startMs: startedAt.getTime(),
      endMs: startedAt.getTime() + length * 24 * HOUR_MS,
      peak,
      lastMs: startedAt.getTime(),
      observationFlag: null,
      skipLastEvening: false,
    };
    p.episode = ep;
    await this.assess(p, world, ep);

    // A severe start is watched in the observation room: a separate-housing flag until it ends.
    if (scale !== 'awq' && peak >= 0.6) {
      ep.observationFlag = await this.setHousing(p, world, 'detox_observation', text.DETOX_OBSERVATION_NOTE, addDays(world.day, 3));
    }
    // Symptomatic treatment.
    const end = addDays(endDay, 14);
    await this.prescribe(p, world, 'Vitamin B1', '1 viên', ['morning'], end, 'Bổ sung vitamin trong giai đoạn cắt cơn');
    if (scale === 'cows') {
      await this.prescribe(p, world, 'Paracetamol', '1 viên', ['morning', 'noon', 'evening'], addDays(world.day, 4), 'Đau mỏi cơ, khớp khi cắt cơn');
      if (rng.chance(0.6)) await this.prescribe(p, world, 'Rotundin', '2 viên', ['night'], addDays(world.day, 6), 'Mất ngủ, bồn chồn khi cắt cơn');
    } else if (scale === 'awq' && rng.chance(0.25)) {
      const id = await this.prescribe(p, world, 'Diazepam', '1 viên', ['night'], addDays(world.day, 5), 'Lo âu, kích động khi cắt cơn');
      if (rng.chance(0.15)) {
        this.plan(addDays(world.day, 2), p.t.traineeId, (q, w) => this.discontinue(q, w, id, text.PRESCRIPTION_REASONS.stoppedSleepy));
      }
    } else if (scale === 'ciwa-ar') {
      // Diazepam taper: two tablets twice a day, then one.
      const id = await this.prescribe(p, world, 'Diazepam', '2 viên', ['morning', 'evening'], addDays(world.day, 6), 'Hội chứng cai rượu');
      this.plan(addDays(world.day, 3), p.t.traineeId, async (q, w) => {
        await this.med(w, 'medical.prescriptions.revise', {
          traineeId: q.t.traineeId,
          previousId: id,
          itemId: this.drug('Diazepam'),
          dose: '1 viên',
          slots: ['morning', 'evening'],
          startDate: w.day,
          endDate: addDays(w.day, 3),
          indication: 'Hội chứng cai rượu',
          reason: text.PRESCRIPTION_REASONS.diazepamTaper,
        });
        this.counts.prescriptions += 1;
      });
    }
  }

  /** Intensity of withdrawal at an instant: opioids and alcohol peak after a day or two, stimulants at once; all fade. */
  private intensity(ep: Episode, at: number): number {
    const x = Math.min(1, Math.max(0, (at - ep.startMs) / (ep.endMs - ep.startMs)));
    const peakAt = ep.scale === 'cows' ? 0.25 : ep.scale === 'ciwa-ar' ? 0.15 : 0;
    const shape = x < peakAt ? 0.6 + (0.4 * x) / peakAt : Math.exp((-3.2 * (x - peakAt)) / (1 - peakAt));
    return ep.peak * shape;
  }

  private async assess(p: Patient, world: DemoWorld, ep: Episode): Promise<void> {
    const rng = this.rng;
    // The clock only moves forward: this moment is after the episode's start and last assessment.
    const at = world.tick().getTime();
    const level = this.intensity(ep, at);
    const scale = SCALES[ep.scale];
    // Now and then one item is not assessed (asleep, at night): the total is then left empty.
    const skip = rng.chance(0.02) ? rng.pick(scale.items).id : null;
    const answers: Answers = {};
    for (const item of scale.items) {
      if (item.id === skip) continue;
      const n = item.options.length - 1;
      const index = Math.min(n, Math.max(0, Math.round(level * n + (rng.next() - 0.5) * 1.2)));
      answers[item.id] = item.options[index]!.points;
    }
    await this.med(world, 'medical.detox.assess', { traineeId: p.t.traineeId, episodeId: ep.episodeId, assessedAt: new Date(at).toISOString(), answers });
    ep.lastMs = at;
    this.counts.detoxAssessments += 1;
  }

  private async assessAll(world: DemoWorld, block: 'morning' | 'afternoon' | 'night'): Promise<void> {
    const last = world.day === this.lastDay;
    let first = true;
    // The clock to the block's hour (world.until only moved the day on).
    world.tick(0, 1);
    for (const p of this.patients.values()) {
      const ep = p.episode;
      if (!ep || p.referralId) continue;
      // One episode is left without its evening assessments on the last day: overdue on the dashboard.
      if (last && first && block !== 'morning') {
        ep.skipLastEvening = true;
      }
      first = false;
      if (ep.skipLastEvening) continue;
      // An episode started this morning already has its first assessment.
      if (world.now.getTime() - ep.lastMs < 3 * HOUR_MS) continue;
      await this.assess(p, world, ep);
      if (block === 'morning' && world.day >= ep.endDay) await this.closeDetox(p, world, 'completed');
    }
  }

  private async closeDetox(p: Patient, world: DemoWorld, outcome: 'completed' | 'referred'): Promise<void> {
    const ep = p.episode;
    if (!ep) return;
    const closedAt = world.tick();
    const note = outcome === 'referred' ? text.DETOX_REFERRED_NOTE : this.rng.pick(text.DETOX_CLOSE_NOTES[ep.scale]);
    await this.med(world, 'medical.detox.close', { traineeId: p.t.traineeId, episodeId: ep.episodeId, closedAt: closedAt.toISOString(), outcome, note });
    p.episode = null;
    if (ep.observationFlag && p.flag?.flagId === ep.observationFlag) await this.clearHousing(p, world, text.DETOX_OBSERVATION_CLEARED);
    this.plan(addDays(world.day, this.rng.int(2, 7)), p.t.traineeId, (q, w) => this.advance(q, w, 'education', MED));
  }

  /* ------------------------------------------------------------------ prescriptions and the round */

  private async prescribe(p: Patient, world: DemoWorld, drug: string, dose: string, slots: DoseSlot[], endDate: string | null, indication: string): Promise<string> {
    const { prescriptionId } = await this.med(world, 'medical.prescriptions.write', {
      traineeId: p.t.traineeId,
      itemId: this.drug(drug),
      dose,
      slots,
      startDate: world.day,
      endDate,
      indication,
    });
    this.counts.prescriptions += 1;
    return prescriptionId;
  }

  private async discontinue(p: Patient, world: DemoWorld, prescriptionId: string, reason: string): Promise<void> {
    await this.med(world, 'medical.prescriptions.discontinue', { traineeId: p.t.traineeId, prescriptionId, date: world.day, reason });
  }

  private async round(world: DemoWorld, slot: DoseSlot): Promise<void> {
    if (world.day < this.roundsFrom) return;
    const rng = this.rng;
    const round = await this.med(world, 'medical.round.get', { date: world.day, slot });
    const doses: { prescriptionId: string; status: DoseStatus; note: string }[] = [];
    for (const row of round.rows) {
      if (row.recorded) continue;
      const p = this.patients.get(row.traineeId);
      if (p?.referralId) {
        doses.push({ prescriptionId: row.prescriptionId, status: 'held', note: text.DOSE_NOTES.atHospital });
        continue;
      }
      const given = row.arv ? (p?.poorAdherence ? 0.86 : 0.996) : 0.95;
      const status: DoseStatus = rng.chance(given) ? 'given' : row.arv ? rng.weighted([['refused', 3], ['missed', 2]]) : rng.weighted([['refused', 4], ['held', 3], ['missed', 3]]);
      const note = status === 'given' ? '' : rng.chance(0.7) ? rng.pick(text.DOSE_NOTES[status]) : '';
      doses.push({ prescriptionId: row.prescriptionId, status, note });
    }
    if (doses.length === 0) return;
    const { recorded } = await this.med(world, 'medical.round.record', { date: world.day, slot, doses });
    this.counts.doses += recorded;
  }

  /* ------------------------------------------------------------------ ARV care */

  private async startArt(p: Patient, world: DemoWorld): Promise<void> {
    if (p.art) return;
    const rng = this.rng;
    const id = p.t.traineeId;
    const regimen = rng.chance(0.85) ? 'dtg' : 'efv';
    await this.med(world, 'medical.arv.start', {
      traineeId: id,
      date: world.day,
      itemId: this.drug(regimen === 'dtg' ? 'TDF/3TC/DTG' : 'TDF/3TC/EFV'),
      dose: '1 viên',
      // Efavirenz at bedtime (dizziness); dolutegravir with the morning round.
      slots: regimen === 'dtg' ? ['morning'] : ['night'],
    });
    this.counts.artStarted += 1;
    p.art = { regimen, lastPillCount: world.day, session: 1 };
    p.poorAdherence = rng.chance(0.2);

    const cd4 = await this.requestLab(p, world, 'cd4');
    this.plan(addDays(world.day, rng.int(7, 21)), id, async (q, w) => {
      const value = Math.round(40 + 660 * rng.next() ** 1.4);
      await this.labResult(q, w, cd4, value, false);
      // Low CD4: cotrimoxazole prophylaxis against opportunistic infections.
      if (value < 350) await this.prescribe(q, w, 'Cotrimoxazole', '1 viên', ['morning'], null, 'Dự phòng nhiễm trùng cơ hội (CD4 < 350)');
    });
    this.plan(addDays(world.day, rng.int(28, 35)), id, (q, w) => this.pillCount(q, w));
    this.plan(addDays(world.day, SETTINGS.viralLoadIntervalDays + rng.int(-7, 10)), id, (q, w) => this.viralLoad(q, w));
    if (regimen === 'efv' && rng.chance(0.6)) {
      const reason = rng.chance(0.7) ? 'new_guideline' : 'toxicity';
      this.plan(addDays(world.day, rng.int(60, 300)), id, async (q, w) => {
        if (!q.art || q.art.regimen !== 'efv') return;
        await this.med(w, 'medical.arv.changeRegimen', {
          traineeId: q.t.traineeId,
          date: w.day,
          itemId: this.drug('TDF/3TC/DTG'),
          dose: '1 viên',
          slots: ['morning'],
          reasonCode: reason,
          reasonText: text.ART_CHANGES[reason],
        });
        q.art.regimen = 'dtg';
        this.counts.prescriptions += 1;
      });
    }
  }

  private async requestLab(p: Patient, world: DemoWorld, test: 'cd4' | 'viral_load'): Promise<string> {
    const { labId } = await this.med(world, 'medical.arv.requestLab', { traineeId: p.t.traineeId, test, requestedDate: world.day });
    this.counts.labs += 1;
    return labId;
  }

  private async labResult(p: Patient, world: DemoWorld, labId: string, value: number, undetectable: boolean): Promise<void> {
    await this.med(world, 'medical.arv.recordLabResult', { traineeId: p.t.traineeId, labId, receivedDate: world.day, value, undetectable });
  }

  private async pillCount(p: Patient, world: DemoWorld): Promise<void> {
    if (!p.art) return;
    const rng = this.rng;
    const expected = Math.max(1, daysBetween(p.art.lastPillCount, world.day));
    const missed = p.poorAdherence ? rng.int(1, 5) : rng.chance(0.8) ? 0 : rng.int(1, 2);
    await this.med(world, 'medical.arv.recordPillCount', {
      traineeId: p.t.traineeId,
      date: world.day,
      expected,
      counted: Math.max(0, expected - missed),
      note: missed > 2 ? text.PILL_COUNT_NOTES.missed : text.PILL_COUNT_NOTES.good,
    });
    p.art.lastPillCount = world.day;
    this.plan(addDays(world.day, rng.int(28, 35)), p.t.traineeId, (q, w) => this.pillCount(q, w));
  }

  private async viralLoad(p: Patient, world: DemoWorld, repeat = false): Promise<void> {
    const rng = this.rng;
    const id = p.t.traineeId;
    const requested = world.day;
    const labId = await this.requestLab(p, world, 'viral_load');
    const high = repeat ? rng.chance(0.3) : p.poorAdherence ? rng.chance(0.5) : rng.chance(0.06);
    this.plan(addDays(world.day, rng.int(7, 21)), id, async (q, w) => {
      const undetectable = !high && rng.chance(0.75);
      const value = high ? rng.int(1200, 85000) : undetectable ? 0 : rng.int(40, 800);
      await this.labResult(q, w, labId, value, undetectable);
      if (high) {
        // Enhanced adherence counselling, monthly, then a repeat viral load after three months.
        q.poorAdherence = true;
        for (let i = 0; i < 3; i++) this.plan(addDays(w.day, rng.int(3, 10) + 30 * i), id, (r, x) => this.counsel(r, x));
        this.plan(addDays(w.day, 90 + rng.int(0, 10)), id, (r, x) => this.viralLoad(r, x, true));
      } else {
        // Now and then the next one is weeks late (overdue on the ARV dashboard).
        const late = rng.chance(0.08) ? rng.int(20, 60) : rng.int(-7, 7);
        this.plan(addDays(w.day, SETTINGS.viralLoadIntervalDays + late - daysBetween(requested, w.day)), id, (r, x) => this.viralLoad(r, x));
      }
    });
  }

  private async counsel(p: Patient, world: DemoWorld): Promise<void> {
    if (!p.art) return;
    const session = p.art.session;
    await this.med(world, 'medical.arv.recordCounselling', { traineeId: p.t.traineeId, date: world.day, session, notes: text.COUNSELLING_NOTES[Math.min(session, 3) - 1]! });
    p.art.session += 1;
    // Counselling works for most: doses are taken again.
    if (session % 3 === 0 && this.rng.chance(0.7)) p.poorAdherence = false;
  }

  /* ------------------------------------------------------------------ flags, restrictions, referrals */

  /** One separate-housing flag at a time: a new reason replaces the old flag (cleared first). */
  private async setHousing(p: Patient, world: DemoWorld, reason: HousingReason, note: string, reviewDate: string): Promise<string> {
    if (p.flag) await this.clearHousing(p, world, text.REPLACED_BY_NEW_FLAG);
    const { flagId } = await this.med(world, 'medical.flags.setHousing', { traineeId: p.t.traineeId, reason, note, since: world.day, reviewDate });
    p.flag = { flagId, reason };
    this.counts.housingFlags += 1;
    return flagId;
  }

  private async clearHousing(p: Patient, world: DemoWorld, note: string, onlyFlag?: string): Promise<void> {
    if (!p.flag || (onlyFlag && p.flag.flagId !== onlyFlag)) return;
    await this.med(world, 'medical.flags.clearHousing', { traineeId: p.t.traineeId, flagId: p.flag.flagId, date: world.day, note });
    p.flag = null;
  }

  private async restrict(p: Patient, world: DemoWorld, code: WorkRestrictionCode, reason: string, until: string | null): Promise<void> {
    p.restrictions = p.restrictions.filter((r) => r.until === null || r.until >= world.day);
    if (p.restrictions.some((r) => r.code === code)) return;
    const { restrictionId } = await this.med(world, 'medical.flags.setRestriction', { traineeId: p.t.traineeId, restriction: code, reason, since: world.day, until });
    p.restrictions.push({ restrictionId, code, until });
    this.counts.workRestrictions += 1;
  }

  private async clearRestriction(p: Patient, world: DemoWorld, restrictionId: string): Promise<void> {
    if (!p.restrictions.some((r) => r.restrictionId === restrictionId)) return;
    await this.med(world, 'medical.flags.clearRestriction', { traineeId: p.t.traineeId, restrictionId, date: world.day });
    p.restrictions = p.restrictions.filter((r) => r.restrictionId !== restrictionId);
  }

  private async refer(p: Patient, world: DemoWorld, hospital: string, reason: string, days: number, onReturn: Task): Promise<void> {
    if (p.referralId) return;
    const { referralId } = await this.med(world, 'medical.flags.refer', { traineeId: p.t.traineeId, date: world.day, hospital, reason });
    p.referralId = referralId;
    this.counts.referrals += 1;
    this.plan(addDays(world.day, days), p.t.traineeId, onReturn);
  }

  private returnTask(note: string, after?: Task): Task {
    return async (q, w) => {
      if (!q.referralId) return;
      await this.med(w, 'medical.flags.returnFromReferral', { traineeId: q.t.traineeId, referralId: q.referralId, date: w.day, note });
      q.referralId = null;
      if (after) await after(q, w);
    };
  }

  /** A positive TB symptom screen: isolation at once, the lung hospital within days; most are ruled out. */
  private async suspectTb(p: Patient, world: DemoWorld): Promise<void> {
    const rng = this.rng;
    const flagId = await this.setHousing(p, world, 'infectious_isolation', text.TB_ISOLATION_NOTE, addDays(world.day, 14));
    // Withdrawal is treated first; the referral follows the episode.
    const referDay = addDays(p.episode ? p.episode.endDay : world.day, rng.int(1, 3));
    const confirmed = rng.chance(0.2);
    this.plan(referDay, p.t.traineeId, (q, w) =>
      this.refer(
        q,
        w,
        text.HOSPITAL.lung,
        text.TB_REFERRAL_REASON,
        rng.int(3, 10),
        this.returnTask(confirmed ? text.TB_CONFIRMED : text.TB_RULED_OUT, async (r, x) => {
          if (!confirmed) return this.clearHousing(r, x, text.TB_FLAG_CLEARED_RULED_OUT, flagId);
          this.plan(addDays(x.day, rng.int(55, 70)), r.t.traineeId, (s, y) => this.clearHousing(s, y, text.TB_FLAG_CLEARED_TREATED, flagId));
        }),
      ),
    );
  }

  /** What else befalls people in care: short illnesses, hospital referrals, protection, chickenpox. */
  private async happenings(world: DemoWorld): Promise<void> {
    const rng = this.rng;
    const inCare = [...this.patients.values()].filter((p) => p.referralId === null);
    if (inCare.length === 0) return;
    const perDay = (perYear: number) => rng.poisson((inCare.length * perYear) / 365);

    for (let i = perDay(1.2); i > 0; i--) {
      const p = rng.pick(inCare);
      const ill = rng.pick(text.MINOR_ILLNESSES);
      const end = addDays(world.day, rng.int(ill.days[0], ill.days[1]) - 1);
      const id = await this.prescribe(p, world, ill.drug, ill.dose, [...ill.slots], end, ill.indication);
      if (ill.drug === 'Omeprazole' && rng.chance(0.15)) {
        this.plan(end, p.t.traineeId, async (q, w) => {
          await this.med(w, 'medical.prescriptions.renew', { traineeId: q.t.traineeId, previousId: id, endDate: addDays(end, 14), reason: text.PRESCRIPTION_REASONS.omeprazoleRenew });
          this.counts.prescriptions += 1;
        });
      } else if (end > world.day && rng.chance(0.1)) {
        this.plan(addDays(world.day, 1), p.t.traineeId, (q, w) => this.discontinue(q, w, id, text.PRESCRIPTION_REASONS.stoppedEarly));
      }
    }

    for (let i = perDay(0.03); i > 0; i--) {
      const p = rng.pick(inCare);
      if (p.referralId || p.episode) continue;
      const r = rng.pick(text.REFERRALS);
      await this.refer(
        p,
        world,
        r.hospital,
        r.reason,
        rng.int(r.days[0], r.days[1]),
        this.returnTask(r.returnNote, async (q, w) => {
          if (rng.chance(0.6)) await this.restrict(q, w, 'no_heavy_labor', text.AFTER_HOSPITAL_RESTRICTION, addDays(w.day, rng.int(10, 30)));
        }),
      );
    }

    for (let i = perDay(0.04); i > 0; i--) {
      const p = rng.pick(inCare);
      if (p.flag) continue;
      const flagId = await this.setHousing(p, world, 'protection', rng.pick(text.PROTECTION_NOTES), addDays(world.day, 30));
      // Half are resolved within weeks; the others stay, their review due (the dashboard lists them).
      if (rng.chance(0.5)) this.plan(addDays(world.day, rng.int(25, 90)), p.t.traineeId, (q, w) => this.clearHousing(q, w, text.PROTECTION_CLEARED, flagId));
    }

    for (let i = perDay(0.008); i > 0; i--) {
      const p = rng.pick(inCare);
      if (p.flag) continue;
      const flagId = await this.setHousing(p, world, 'infectious_isolation', text.VARICELLA_NOTE, addDays(world.day, 10));
      this.plan(addDays(world.day, rng.int(8, 12)), p.t.traineeId, (q, w) => this.clearHousing(q, w, text.VARICELLA_CLEARED, flagId));
    }

    // A seizure during detox: the episode closes as referred, the trainee goes to hospital.
    for (let i = perDay(0.004); i > 0; i--) {
      const p = rng.pick(inCare);
      if (!p.episode || p.referralId) continue;
      await this.closeDetox(p, world, 'referred');
      await this.refer(p, world, text.HOSPITAL.general, text.DETOX_REFERRAL_REASON, rng.int(2, 5), this.returnTask(text.DETOX_REFERRAL_RETURN));
    }
  }
}
