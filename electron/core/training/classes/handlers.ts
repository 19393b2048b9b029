import type { CLASSES_HANDLERS } from '../../../../shared/training/classes';
import { SenError } from '../../../../shared/errors';
import { streams, type NewEvent } from '../../../../shared/events';
import type { HandlerContext, HandlerMap } from '../../context';
import type { AppendRequest } from '../../store/eventStore';
import { traineeFacts } from '../../duty/conduct/queries';
import { checkClassDay, closeClass, currentEnrolment, enrol, foldClass, foldTraineeLiteracy, openClass, recordAttendance, withdraw, type ClassState, type TraineeContext } from './decider';
import { attendanceSheet, classDetail, classList, isActiveTeacher, teachers } from './queries';

const dayOf = (ctx: HandlerContext, asOf: string | undefined) => (asOf !== undefined && asOf < ctx.today() ? asOf : ctx.today());

function loadClass(ctx: HandlerContext, classId: string): { stream: string; cls: ClassState | null } {
  const stream = streams.literacyClass(classId);
  return { stream, cls: foldClass(ctx.store.readStream(stream)) };
}

function loadTrainee(ctx: HandlerContext, traineeId: string) {
  const stream = streams.literacy(traineeId);
  const rules: TraineeContext = { today: ctx.today(), ...traineeFacts(ctx.store.db, traineeId) };
  return { stream, state: foldTraineeLiteracy(ctx.store.readStream(stream)), rules };
}

/**
 * Runs `decide` for each item of a list, naming the item (`<list>.<i>`) beside the field a
 * refusal is about, so one bad row refuses the whole sheet and the screen shows which.
 */
function eachRow<T, R>(items: readonly T[], list: string, decide: (item: T) => R): R[] {
  return items.map((item, i) => {
    try {
      return decide(item);
    } catch (e) {
      if (e instanceof SenError && e.issues) throw new SenError(e.code, e.message, e.issues.map((x) => ({ ...x, path: `${list}.${i}.${x.path}` })));
      throw e;
    }
  });
}

const seqsOf = (stored: { seq: number }[]) => stored.map((s) => s.seq);

export const classesHandlers: HandlerMap<keyof typeof CLASSES_HANDLERS> = {
  'classes.teachers': (ctx) => teachers(ctx.store.db),
  'classes.list': (ctx, input) => classList(ctx.view(input.asOf), dayOf(ctx, input.asOf), input),
  'classes.get': (ctx, input) => classDetail(ctx.view(input.asOf), input.classId, dayOf(ctx, input.asOf)),
  'classes.sheet': (ctx, input) => attendanceSheet(ctx.store.db, input.classId, input.date, ctx.today()),
  'classes.open': (ctx, input) => {
    const classId = ctx.newId();
    const events = openClass(input, classId, { today: ctx.today(), teacherActive: isActiveTeacher(ctx.store.db, input.teacherId) });
    const [stored] = ctx.store.append(streams.literacyClass(classId), 0, events, ctx.meta());
    return { classId, seq: stored!.seq };
  },
  // Closing withdraws everyone still enrolled, in the same transaction.
  'classes.close': (ctx, input) => {
    const { stream, cls } = loadClass(ctx, input.classId);
    const requests: AppendRequest[] = [{ stream, expected: cls?.version ?? 0, events: closeClass(cls, input, ctx.today()) }];
    const enrolled = ctx.store.db
      .prepare<[string], { trainee_id: string }>('SELECT trainee_id FROM class_enrolments WHERE class_id = ? AND withdrawn_date IS NULL')
      .all(input.classId);
    for (const { trainee_id: traineeId } of enrolled) {
      const t = loadTrainee(ctx, traineeId);
      const from = currentEnrolment(t.state)?.from ?? input.date;
      const date = from > input.date ? from : input.date;
      requests.push({ stream: t.stream, expected: t.state.version, events: withdraw(t.state, { traineeId, classId: input.classId, date, reason: 'class_closed', note: '' }, ctx.today()) });
    }
    return { seqs: seqsOf(ctx.store.appendBatch(requests, ctx.meta())) };
  },
  'classes.enrol': (ctx, input) => {
    const { cls } = loadClass(ctx, input.classId);
    if (!cls) throw new SenError('NOT_FOUND', 'No such class.');
    const requests = eachRow(input.traineeIds, 'traineeIds', (traineeId): AppendRequest => {
      const t = loadTrainee(ctx, traineeId);
      return { stream: t.stream, expected: t.state.version, events: enrol(t.state, cls, { traineeId, classId: input.classId, date: input.date }, t.rules) };
    });
    return { seqs: seqsOf(ctx.store.appendBatch(requests, ctx.meta())) };
  },
  'classes.withdraw': (ctx, input) => {
    const t = loadTrainee(ctx, input.traineeId);
    const [stored] = ctx.store.append(t.stream, t.state.version, withdraw(t.state, input, ctx.today()), ctx.meta());
    return { seq: stored!.seq };
  },
  /** The whole sheet in one transaction: every row checked first; the roster of that date must be covered. */
  'classes.attendance.record': (ctx, input) => {
    const { cls } = loadClass(ctx, input.classId);
    if (!cls) throw new SenError('NOT_FOUND', 'No such class.');
    // The session's date first, so its refusal names the date, not the first row.
    checkClassDay(cls, input.date, ctx.today());
    const decided = eachRow(input.rows, 'rows', (row) => {
      const t = loadTrainee(ctx, row.traineeId);
      const events: NewEvent<'AttendanceRecorded'>[] = recordAttendance(t.state, cls, { ...row, classId: input.classId, date: input.date }, t.rules);
      return { stream: t.stream, expected: t.state.version, events };
    });
    const given = new Set(input.rows.map((r) => r.traineeId));
    if (attendanceSheet(ctx.store.db, input.classId, input.date, ctx.today()).rows.some((r) => !given.has(r.traineeId))) {
      throw new SenError('VALIDATION', 'rows: rosterIncomplete', [{ path: 'rows', code: 'rosterIncomplete' }]);
    }
    const requests = decided.filter((r) => r.events.length > 0);
    if (requests.length === 0) throw new SenError('NOTHING_CHANGED', 'This sheet is already saved as it is.');
    const stored = ctx.store.appendBatch(requests, ctx.meta());
    return { seqs: seqsOf(stored), corrected: stored.filter((s) => s.type === 'AttendanceRecorded' && s.data.corrects !== null).length };
  },
};
