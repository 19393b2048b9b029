import type { HandlerInput, HandlerName, HandlerOutput } from '../../../shared/api';
import type { DemoLiteracyCounts } from '../../../shared/demo';
import { isoWeekday, type LiteracyPhase } from '../../../shared/training/classes';
import { SKILLS, SKILL_LEVELS, type ProgressRow, type Skill, type SkillLevel } from '../../../shared/training/literacy';
import { daysBetween } from './calendar';
import { CONNECTION } from './classes';
import type { Rng } from './random';
import type { DemoArea, DemoWorld } from './world';

/**
 * The literacy teacher's observations (after the classes area, which opens the classes and
 * enrols): on the Monday a trainee joins, a baseline of all eight skills; every fourth Friday of a
 * class, the whole class's levels again (one sheet, saved once), each skill moving up now and then
 * (faster in the phase it is taught); a completion once the derived status reaches the class's
 * level. Read and written through the service as the teacher, from the progress matrix itself.
 */

/** Chance per four weeks that a skill below the class's phase moves up one level. */
const GROWTH = 0.3;
/** Skills that come first to adults who never went to school: numbers and money from daily life. */
const EASY: ReadonlySet<Skill> = new Set(['numbers', 'money_measurement']);

const rank = (l: SkillLevel) => SKILL_LEVELS.indexOf(l);

export class LiteracyArea implements DemoArea {
  readonly name = 'literacy';
  readonly counts: DemoLiteracyCounts = { sheets: 0, observations: 0, completions: 0 };

  /** Works in the teacher's session, which the classes area opens first and closes last. */
  constructor(private readonly rng: Rng) {}

  private teach<N extends HandlerName>(world: DemoWorld, name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>> {
    return world.command(name, input, CONNECTION);
  }

  async day(world: DemoWorld): Promise<void> {
    const weekday = isoWeekday(world.day);
    if (weekday !== 1 && weekday !== 5) return;
    for (const c of await this.teach(world, 'classes.list', {})) {
      const week = Math.floor(daysBetween(c.openedDate, world.day) / 7);
      const monthly = weekday === 5 && week % 4 === 3;
      // Mondays: only the newcomers' baseline; every fourth Friday: the whole class.
      const { rows } = await this.teach(world, 'literacy.progress', { classId: c.classId });
      const due = rows.filter((r) => !r.released && (r.leftOn === null || r.leftOn > world.day) && (monthly || SKILLS.every((s) => r.skills[s].level === null)));
      if (due.length === 0) continue;
      const sheet = due.map((r) => ({ traineeId: r.traineeId, skills: SKILLS.map((skill) => ({ skill, level: this.next(r, skill, c.phase) })) }));
      await this.teach(world, 'literacy.observe', { classId: c.classId, date: world.day, rows: sheet });
      this.counts.sheets += 1;
      this.counts.observations += sheet.length;
      if (monthly) await this.complete(world, c.classId, c.phase);
    }
  }

  /** A skill's level now: a baseline below the class's phase, or the last level, sometimes one up. */
  private next(r: ProgressRow, skill: Skill, phase: LiteracyPhase): SkillLevel {
    const current = r.skills[skill].level;
    const target = phase === 'phase1' ? 'phase1' : 'phase2';
    if (current === null) {
      // Phase 1 classes: mostly not yet literate; phase 2: phase 1 done, now and then more.
      if (phase === 'phase1') return EASY.has(skill) && this.rng.chance(0.4) ? 'phase1' : 'pre_literate';
      return this.rng.chance(0.1) ? 'phase2' : this.rng.chance(0.85) ? 'phase1' : 'pre_literate';
    }
    if (rank(current) >= rank(target)) return current;
    return this.rng.chance(EASY.has(skill) ? GROWTH * 1.5 : GROWTH) ? SKILL_LEVELS[rank(current) + 1]! : current;
  }

  /** Completion of the class's level for those the observations now support (the progress matrix says). */
  private async complete(world: DemoWorld, classId: string, phase: LiteracyPhase): Promise<void> {
    const level = phase === 'phase1' ? 'level1' : 'level2';
    const { rows } = await this.teach(world, 'literacy.progress', { classId });
    for (const r of rows) {
      const reached = r.status === level || (level === 'level1' && r.status === 'level2');
      if (r.released || !reached || r.completed[level] !== null) continue;
      await this.teach(world, 'literacy.complete', { traineeId: r.traineeId, classId, level, date: world.day });
      this.counts.completions += 1;
    }
  }
}
