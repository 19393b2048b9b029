/**
 * Handler names alone, without schemas, so the preload can refuse unknown names without
 * bundling zod. `api.ts` checks at compile time that HANDLERS has exactly these keys.
 */
export const HANDLER_NAMES = [
  'system.status',
  'system.setup',
  'system.stats',
  'system.verify',
  'system.demo',
  'auth.signIn',
  'auth.signOut',
  'auth.changePassword',
  'auth.lock',
  'system.setIdleLock',
  'accounts.list',
  'accounts.create',
  'accounts.setRoles',
  'accounts.deactivate',
  'accounts.reactivate',
  'accounts.resetPassword',
  'trainees.list',
  'trainees.get',
  'trainees.timeline',
  'trainees.admit',
  'trainees.correct',
  'trainees.release',
  'trainees.advancePhase',
  'events.void',
  'system.acknowledgeChainBreak',
  // roster import (shared/rosterImport.ts)
  'trainees.importCheck',
  'trainees.import',
  // Medical slices (shared/medical/*.ts): one block each, kept in this order.
  // screening
  'medical.screening.record',
  'medical.screening.list',
  'medical.screening.due',
  'medical.settings.get',
  'medical.settings.set',
  // detox
  'medical.detox.scales',
  'medical.detox.episodes',
  'medical.detox.dashboard',
  'medical.detox.start',
  'medical.detox.assess',
  'medical.detox.close',
  'medical.detox.defineScale',
  // prescriptions
  'medical.formulary.list',
  'medical.formulary.add',
  'medical.formulary.change',
  'medical.formulary.addStarter',
  'medical.prescriptions.get',
  'medical.prescriptions.write',
  'medical.prescriptions.revise',
  'medical.prescriptions.renew',
  'medical.prescriptions.discontinue',
  'medical.round.get',
  'medical.round.record',
  // arv
  'medical.arv.start',
  'medical.arv.changeRegimen',
  'medical.arv.recordPillCount',
  'medical.arv.recordCounselling',
  'medical.arv.requestLab',
  'medical.arv.recordLabResult',
  'medical.arv.summary',
  'medical.arv.dashboard',
  // flags
  'medical.flags.setHousing',
  'medical.flags.clearHousing',
  'medical.flags.setRestriction',
  'medical.flags.clearRestriction',
  'medical.flags.refer',
  'medical.flags.returnFromReferral',
  'medical.flags.forTrainee',
  'medical.flags.dashboard',
  'trainees.restrictions',
  // access log
  'medical.openRecord',
  'access.list',
  'access.recordExport',
  // Duty slices (shared/duty/*.ts): one block each, kept in this order.
  // housing
  'housing.layout',
  'housing.addDorm',
  'housing.addRoom',
  'housing.changeRoom',
  'housing.closeRoom',
  'housing.board',
  'housing.check',
  'housing.assign',
  'housing.move',
  'housing.vacate',
  // keepApart
  'duty.keepApart.set',
  'duty.keepApart.end',
  'duty.keepApart.list',
  'duty.headcount.sheet',
  'duty.headcount.record',
  'duty.headcount.mismatches',
  'duty.headcount.resolve',
  // conduct
  'conduct.types.list',
  'conduct.types.add',
  'conduct.types.change',
  'conduct.violations.record',
  'conduct.measures.impose',
  'conduct.measures.suspend',
  'conduct.selfCriticism.receive',
  'conduct.overview',
  'conduct.forTrainee',
  // recognition
  'duty.recognition.reward',
  'duty.recognition.rate',
  'duty.recognition.sheet',
  'duty.recognition.eligibility',
  'duty.recognition.rules',
  'duty.recognition.setRules',
  // dutyLog
  'dutyLog.recordNote',
  'dutyLog.day',
  'dutyLog.handover',
  // backups (shared/backup.ts)
  'backup.status',
  'backup.run',
  'backup.configure',
  'backup.restore',
  // Teachers' and instructors' slices (shared/training/*.ts): one block each, kept in this order.
  // training: classes (classes.*)
  'classes.teachers',
  'classes.list',
  'classes.get',
  'classes.sheet',
  'classes.open',
  'classes.close',
  'classes.enrol',
  'classes.withdraw',
  'classes.attendance.record',

  // training: literacy (literacy.*)
  'literacy.observe',
  'literacy.progress',
  'literacy.complete',
  'literacy.certificate',

  // training: labor (labor.*)
  'labor.workshops.open',
  'labor.workshops.change',
  'labor.workshops.close',
  'labor.assign',
  'labor.unassign',
  'labor.sheet.record',
  'labor.workshops.list',
  'labor.workshop',
  'labor.candidates',
  'labor.instructors',
  'labor.sheet',
  'labor.totals',

  // training: reintegration (reintegration.*)
  'reintegration.record',
  'reintegration.due',
  'reintegration.forTrainee',
  'reintegration.settings',
  'reintegration.setSettings',

  // reports (shared/reports.ts)
  'reports.monthly',
  'reports.recordPrint',
] as const;

export type HandlerName = (typeof HANDLER_NAMES)[number];

export function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && (HANDLER_NAMES as readonly string[]).includes(name);
}
