/**
 * Error codes that cross the bridge. The renderer translates each code (`errors.<CODE>` in the
 * message catalogs); `message` is an English fallback for the CLI and logs.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_HANDLER',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'WRONG_CREDENTIALS',
  /** Too many failed sign-ins: `params.until` (ISO instant) says when the account opens again. */
  'ACCOUNT_LOCKED',
  /** The person must choose a new password before doing anything else. */
  'PASSWORD_CHANGE_REQUIRED',
  /** The last active administrator cannot be deactivated or lose the admin role. */
  'LAST_ADMIN',
  'DUPLICATE_USERNAME',
  'CONFLICT',
  'NOT_FOUND',
  'DUPLICATE_FILE_NUMBER',
  'ALREADY_RELEASED',
  'NOTHING_CHANGED',
  'DB_FROM_NEWER_SEN',
  /** The hash chain is broken and nobody has acknowledged it: Sen only reads until an admin does. */
  'READ_ONLY_CHAIN_BROKEN',
  'NOTHING_TO_ACKNOWLEDGE',
  'NOT_VOIDABLE',
  /** A revise, renew or discontinue names a prescription already replaced or discontinued. */
  'PRESCRIPTION_NOT_ACTIVE',
  /** Flags slice: one separate-housing flag at a time; clear it before setting another. */
  'HOUSING_FLAG_ACTIVE',
  /** Flags slice: the same work restriction is already in force. */
  'RESTRICTION_ACTIVE',
  /** Flags slice: the trainee is already at hospital (the return is not recorded yet). */
  'REFERRAL_OPEN',
  /** Flags slice: what is being cleared or closed is no longer in force. */
  'NOT_ACTIVE',
  /** Detox slice: the trainee already has an active detox episode; close it first. */
  'DETOX_EPISODE_ACTIVE',
  /** Detox slice: the episode is closed: no more assessments, no second closing. */
  'DETOX_EPISODE_CLOSED',
  /** ARV slice: ART is already started (change the regimen instead) / not started (start it first). */
  'ALREADY_ON_ART',
  'NOT_ON_ART',
  'ALREADY_VOIDED',
  /** Housing slice: the placement raises warnings (`params.warnings`, comma-separated codes); record it anyway only with a reason. */
  'HOUSING_WARNINGS',
  /** Housing slice: someone else is in that bed. */
  'BED_TAKEN',
  /** Housing slice: the room is closed. */
  'ROOM_CLOSED',
  /** Housing slice: a room with people in it cannot be closed. */
  'ROOM_OCCUPIED',
  /** Housing slice: a move or vacate for a trainee without a bed. */
  'NO_BED',
  /** Keep-apart slice: the two trainees already have an active rule; end it before setting another. */
  'KEEP_APART_ACTIVE',
  /** Projections are being rebuilt after an update; try again in a moment. */
  'STARTING',
  /** The screen is locked: sign in again to continue. */
  'SESSION_LOCKED',
  /** Backups (electron/core/backup): the passphrase does not open the file. */
  'BACKUP_WRONG_PASSPHRASE',
  /** The backup file is cut short. */
  'BACKUP_TRUNCATED',
  /** A byte of the backup file was changed (or frames were moved): it cannot be trusted. */
  'BACKUP_TAMPERED',
  'BACKUP_NOT_A_BACKUP',
  /** The file decrypts but the log in it does not check out (a hash, a link, the anchor). */
  'BACKUP_INVALID_LOG',
  /** The backup was written but reading it back did not verify: the file was removed. */
  'BACKUP_VERIFY_FAILED',
  /** The folder is missing, not a folder, or cannot be written. */
  'BACKUP_FOLDER_UNUSABLE',
  /** Another backup or restore is running. */
  'BACKUP_BUSY',
  /** A verified restore waits for Sen to restart: nothing more is recorded in the log being replaced. */
  'RESTORE_PENDING',
  'STORAGE_READ_ONLY',
  'DISK_FULL',
  'DB_CORRUPT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Field issue codes the core emits itself (the deciders' clock and uniqueness rules, and zod's own
 * codes mapped in electron/core/validation.ts), beside the message keys written in the schemas.
 * The renderer's catalogs must label each one; a test checks it.
 */
export const CORE_ISSUE_CODES = [
  // reports: a month that has not begun
  'monthInFuture',
  'dateInFuture',
  'releaseBeforeAdmission',
  'admissionBeforeBirth',
  // screening slice: a session's date checked against the record, or nothing to record
  'screeningBeforeAdmission',
  'screeningAfterRelease',
  'nothingToRecord',
  // keepApart slice: a rule for one person, a count naming a room twice or an unknown room
  'sameTrainee',
  'duplicateRoom',
  'unknownRoom',
  // flags slice: dates checked against the record
  'beforeAdmission',
  'clearBeforeSince',
  'returnBeforeReferral',
  'beforePreviousReturn',
  // detox slice: times, answers and scales checked by the decider; the phase change
  'timeInFuture',
  'beforeEpisodeStart',
  'beforeLastAssessment',
  'unknownItem',
  'notAnOption',
  'answerRequired',
  'unknownScale',
  'scaleIdInUse',
  'phaseNotCurrent',
  'phaseNotLater',
  'beforeLastPhaseChange',
  // arv slice: regimens and lab results checked by the decider
  'notArvRegimen',
  'sameRegimen',
  'beforeRegimenStart',
  'resultBeforeRequest',
  'resultAlreadyRecorded',
  // prescriptions slice: the formulary, the prescription chain and the round
  'duplicateDrugName',
  'unknownDrug',
  'drugInactive',
  'endBeforeStart',
  'beforePreviousStart',
  'noEndToRenew',
  'unknownPrescription',
  'prescriptionNotActive',
  'doseNotDue',
  'doseAlreadyRecorded',
  'arvInArtSection',
  // housing slice: beds and dates checked against the layout and the trainee's current bed
  'unknownBed',
  'beforeCurrentBed',
  'duplicateRoomName',
  // conduct slice (duty): the catalog, the violation a measure names, dates checked against the record
  'unknownViolation',
  'unknownMeasure',
  'beforeViolation',
  'disciplineRoomTooLong',
  'selfCriticismAlreadyReceived',
  'duplicateViolationType',
  'traineeReleased',
  // classes slice (training): class days, rosters and the attendance sheet
  'notATeacher',
  'beforeClassOpened',
  'classClosed',
  'alreadyEnrolled',
  'enrolledElsewhere',
  'beforeLastWithdrawal',
  'notEnrolled',
  'beforeEnrolment',
  'noteRequiredForOther',
  'reasonOnlyWhenAbsent',
  'absenceReasonRequired',
  'rosterIncomplete',
  // literacy slice: observations and completions checked against the class roster and the derived status
  'unknownClass',
  'alreadyCompleted',
  'levelNotReached',
  'notCompleted',
  // duty log: a shift note for a handover long past
  'shiftNoteTooOld',
  // backups: the folder named for automatic backups does not exist
  'folderMissing',
  // labor slice (training): workshops, assignments and the daily sheet checked against the record
  'workshopClosed',
  'duplicateWorkshopName',
  'notAnInstructor',
  'notYourself',
  'restrictedOnRoster',
  'beforeLastAssignment',
  'noSharpTools',
  'notAssigned',
  'notAssignedThatDay',
  'laborAlreadyRecorded',
  'hoursOverDay',
  'duplicateFileNumber',
  // roster import: a file number repeated within the file
  'duplicateInFile',
  'duplicateUsername',
  'wrongPassword',
  'passwordUnchanged',
  'invalidType',
  'unknownField',
  'invalidChoice',
  'required',
  'tooLong',
  'invalid',
] as const;

/** One problem with one field; `code` is a message key under `validation.` in the catalogs. */
export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface SenErrorData {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** Values for the translated message (e.g. ACCOUNT_LOCKED's `until`). */
  params?: Record<string, string | number>;
}

export class SenError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(code: ErrorCode, message: string, issues?: FieldIssue[], params?: Record<string, string | number>) {
    super(message);
    this.name = 'SenError';
    this.code = code;
    this.issues = issues;
    this.params = params;
  }
  toData(): SenErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SenErrorData };
