import { DEMO_PASSWORD, DEMO_USERNAME, type DemoResult } from '../../../shared/demo';
import { todayIso } from '../../../shared/dates';
import { AdmissionsArea } from './admissions';
import { addDays, addYears } from './calendar';
import { ClassesArea } from './classes';
import { LiteracyArea } from './literacy';
import { DutyArea } from './duty';
import { LaborArea } from './labor';
import { MedicalArea } from './medical';
import { FACILITY_NAME } from './people';
import { Rng } from './random';
import { ReintegrationArea } from './reintegration';
import { DemoWorld, type DemoArea, type DemoDriver } from './world';

export type { DemoDriver } from './world';

export interface DemoOptions {
  /** About how many people are in care at the end. */
  trainees: number;
  /** Years of history before `now`. */
  years: number;
  seed: number;
  /** The end of the story (defaults to the real clock); every recorded moment is before it. */
  now?: Date;
  /** The demo admin's password (DEMO_PASSWORD when absent). */
  password?: string;
}

/** The officer who sets the facility up and does the intake work in the story. */
const DEMO_ADMIN_NAME = 'Trần Quốc Khánh';
/** The generator's own connection: a session that exists only while the story is replayed. */
const CONNECTION = 'sen-demo-generator';

/**
 * Play a facility's history into an empty database through the service's own commands: set-up
 * `years` before `now`, then day by day each area does that day's work (admissions first; later
 * areas add theirs), the service's clock set to each moment so recorded_at follows the story.
 * The same seed gives the same log (ids come from the seed too, when the driver supports it).
 */
export async function generateDemo(driver: DemoDriver, options: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  const end = options.now ?? new Date();
  const password = options.password ?? DEMO_PASSWORD;
  const rng = new Rng(`sen-demo:${options.seed}`);
  const ids = rng.fork('ids');

  // The story runs from set-up day to yesterday: nothing in it may be recorded after `end`.
  const lastDay = addDays(todayIso(end), -1);
  const firstDay = addYears(lastDay, -options.years);
  const world = new DemoWorld(driver, rng.fork('clock'), end);
  world.connection = CONNECTION;
  driver.setIds?.(() => (world.laneIds ?? ids).uuid());

  const admissions = new AdmissionsArea(rng.fork('admissions'), options.trainees);
  const classes = new ClassesArea(rng.fork('classes'), password, lastDay);
  const literacy = new LiteracyArea(rng.fork('literacy'));
  const labor = new LaborArea(rng.fork('labor'), password, lastDay);
  const medical = new MedicalArea(rng.fork('medical'), password, lastDay);
  const duty = new DutyArea(rng.fork('duty'), options.trainees, lastDay);
  // Each area has its own stream. The classes meet and the workshops work in the day, before the
  // medical area walks the clock into the evening; the duty officers write up the day in the
  // evening, after the medical area's night work, on their own lane (clock and ids).
  // Reintegration counsels as the classes area's teacher and the labor area's instructor, on a
  // quiet lane (own ids, a second per command) so the medical officers' times stay as they were.
  const reintegration = new ReintegrationArea(rng.fork('reintegration'), password);
  const areas: DemoArea[] = [admissions, classes, literacy, labor, reintegration, medical, duty];

  world.startDay(firstDay);
  await world.command('system.setup', { facilityName: FACILITY_NAME, fullName: DEMO_ADMIN_NAME, username: DEMO_USERNAME, password, passwordConfirm: password });
  await world.command('auth.signIn', { username: DEMO_USERNAME, password });
  for (const area of areas) await area.start?.(world);

  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    world.startDay(day);
    for (const area of areas) await area.day(world);
    for (const area of areas) await area.evening?.(world);
  }
  for (const area of areas) await area.finish?.(world);

  const stats = await world.command('system.stats', {});
  await world.command('auth.signOut', {});
  return {
    facilityName: FACILITY_NAME,
    username: DEMO_USERNAME,
    password,
    staff: [...medical.staff, ...classes.staff, ...labor.staff, ...reintegration.staff],
    counts: {
      // The sign-out is the last event, after the stats were read.
      events: stats.totalEvents + 1,
      ...admissions.counts,
      inCare: world.inCare.size,
      from: firstDay,
      to: lastDay,
      medical: medical.counts,
      classes: classes.counts,
      literacy: literacy.counts,
      duty: duty.counts,
      labor: labor.counts,
      reintegration: reintegration.counts,
    },
    ms: Math.round(performance.now() - started),
  };
}
