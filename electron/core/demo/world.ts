import type { EducationLevel, ReleaseKind, Substance } from '../../../shared/admissions';
import type { HandlerInput, HandlerName, HandlerOutput } from '../../../shared/api';
import type { Result } from '../../../shared/errors';
import { localInstant } from './calendar';
import type { Rng } from './random';

/**
 * What the generator drives: a service's `call` (the same commands, permissions and validation
 * as the app) plus control of that service's clock and id source while the story is replayed.
 */
export interface DemoDriver {
  call(connection: string, name: HandlerName, input: unknown): Promise<Result<unknown>>;
  /** From now on the service's clock reads `at` (recorded_at follows the story). */
  setClock(at: Date): void;
  /** From now on the service draws new ids (trainees, users) from `next`: same seed, same ids. */
  setIds?(next: () => string): void;
}

/** One trainee in care, as the generator remembers them (other areas read this). */
export interface DemoTrainee {
  traineeId: string;
  fileNumber: string;
  fullName: string;
  sex: 'male' | 'female';
  admissionDate: string;
  plannedReleaseDate: string;
  admissionType: 'compulsory' | 'voluntary';
  /** As recorded at admission (the medical area's detox and urine panel follow them). */
  substances: readonly Substance[];
  /** As recorded at admission (the classes area enrols those with little schooling). */
  educationLevel: EducationLevel;
}

/** An area's own random draws for the moments of its commands and the ids they create. */
export interface DemoLane {
  clock: Rng;
  ids: Rng;
  /** Each command a second after the last (see `nudge`) instead of a tick: for an area that runs before others in the day. */
  quiet?: boolean;
}

/**
 * The simulated facility as the areas see it: the day being played, the people in care, and a
 * `command` that moves the clock to a moment of that day and runs a handler as the signed-in
 * officer. Areas keep their own state; the world only holds what several areas share.
 */
export class DemoWorld {
  /** The simulated calendar day (yyyy-MM-dd). */
  day = '';
  /** Minutes after midnight on `day`: each command moves the clock on a little. */
  private minute = 0;
  private lastInstant = 0;
  readonly inCare = new Map<string, DemoTrainee>();
  /** Who left today and how (set by the admissions area; other areas free beds and end rules). */
  readonly departures = new Map<string, ReleaseKind>();
  /** The id source of the lane running a command (see `command`); null: the story's own. */
  laneIds: Rng | null = null;
  /** The connection of the signed-in officer doing the day's work. */
  connection = 'demo';

  constructor(
    private readonly driver: DemoDriver,
    readonly rng: Rng,
    /** The end of the story: no moment of it may reach this instant. */
    private readonly end: Date,
  ) {}

  startDay(day: string): void {
    this.day = day;
    this.departures.clear();
    // The office opens at 07:30; the first entries of the day come a little after.
    this.minute = 7 * 60 + 30 + this.rng.int(0, 40);
  }

  /** The last moment set on the clock (a time a command may name as already past). */
  get now(): Date {
    return new Date(this.lastInstant);
  }

  /**
   * Let the day run on to `minutesOfDay` (never backwards): an area's afternoon or evening work.
   * Areas run in order each day, so one that walks the clock into the evening comes last.
   */
  until(minutesOfDay: number): void {
    this.minute = Math.max(this.minute, Math.min(minutesOfDay, 23 * 60 + 50));
  }

  /** Move the clock on by a few minutes (never backwards, never past the end) and set it. */
  tick(minMinutes = 2, maxMinutes = 12, clock: Rng = this.rng): Date {
    this.minute = Math.min(this.minute + clock.int(minMinutes, maxMinutes), 23 * 60 + 50);
    let at = localInstant(this.day, this.minute).getTime() + clock.int(0, 59_000);
    at = Math.max(at, this.lastInstant + 1000);
    at = Math.min(at, this.end.getTime() - 1000);
    this.lastInstant = Math.max(this.lastInstant, at);
    const instant = new Date(this.lastInstant);
    this.driver.setClock(instant);
    return instant;
  }

  /**
   * One second after the last moment (or the day's current minute), drawing nothing from any
   * random sequence and not moving the day's minute on: a quiet lane's commands leave the other
   * areas' times as they were.
   */
  private nudge(): Date {
    const at = Math.max(this.lastInstant + 1000, localInstant(this.day, this.minute).getTime());
    this.lastInstant = Math.min(at, this.end.getTime() - 1000);
    const instant = new Date(this.lastInstant);
    this.driver.setClock(instant);
    return instant;
  }

  /** Run a query as it stands now, without moving the clock (a read records nothing). */
  async read<N extends HandlerName>(name: N, input: HandlerInput<N>, connection = this.connection): Promise<HandlerOutput<N>> {
    const result = await this.driver.call(connection, name, input);
    if (!result.ok) throw new Error(`demo: ${name} on ${this.day} was refused: ${result.error.code} ${result.error.message}`);
    return result.value as HandlerOutput<N>;
  }

  /**
   * Run a command at the next moment of the day; a refusal is a bug in the generator. An area may
   * run on its own `lane` (its own draws of moments and of new ids), so adding an area leaves the
   * other areas' stories as they were for the same seed.
   */
  async command<N extends HandlerName>(name: N, input: HandlerInput<N>, connection = this.connection, lane?: DemoLane): Promise<HandlerOutput<N>> {
    if (lane?.quiet) this.nudge();
    else this.tick(2, 12, lane?.clock);
    this.laneIds = lane?.ids ?? null;
    const result = await this.driver.call(connection, name, input).finally(() => (this.laneIds = null));
    if (!result.ok) throw new Error(`demo: ${name} on ${this.day} was refused: ${result.error.code} ${result.error.message}`);
    return result.value as HandlerOutput<N>;
  }
}

/**
 * One area of the facility's life. `start` runs once on the first day (after the facility is
 * set up); `day` runs on every simulated day, areas in order; `evening` after every area's day
 * (late work such as the night roll call); `finish` once after the last day (e.g. the area's
 * staff sign out). Later areas (literacy, labor) add a module with their own generator and counts.
 */
export interface DemoArea {
  name: string;
  start?(world: DemoWorld): Promise<void>;
  day(world: DemoWorld): Promise<void>;
  evening?(world: DemoWorld): Promise<void>;
  finish?(world: DemoWorld): Promise<void>;
}
