import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { LiteracyLevel } from '../../shared/training/literacy';
import type { PrintTarget } from '../../shared/reports';
import { api } from '../api/api';

/** The screens of a signed-in user. One workstation, no URLs to share: routes live in the store. */
export type Route =
  | { name: 'roster' }
  | { name: 'admit' }
  | { name: 'importRoster' }
  | { name: 'trainee'; traineeId: string }
  | { name: 'system' }
  | { name: 'account' }
  | { name: 'accounts' }
  | { name: 'medical'; tab: MedicalTab }
  | { name: 'medicalRecord'; traineeId: string }
  | { name: 'accessLog' }
  | { name: 'duty'; tab: DutyTab }
  /** `classId`: the class shown on the classes tab, or the one the attendance tab starts on. */
  | { name: 'literacy'; tab: LiteracyTab; classId?: string }
  /** The printable certificate of a trainee's completed literacy level. */
  | { name: 'literacyCertificate'; traineeId: string; level: LiteracyLevel }
  | { name: 'labor'; tab: LaborTab; workshopId?: string }
  | { name: 'reintegration' }
  | { name: 'reports'; month?: string }
  /** A printable page (A4), shown alone without the app's frame; `back` is where it was opened from. */
  | { name: 'print'; target: PrintTarget; back: Route };

/** The tabs of the teachers' page: my classes, today's attendance sheet, the progress matrix. */
export type LiteracyTab = 'classes' | 'attendance' | 'progress';

/** The tabs of the instructors' page: my workshops, today's labor sheet, output this week/month. */
export type LaborTab = 'workshops' | 'sheet' | 'output';

/** The tabs of the duty officers' page (`layout` for the admin). */
export type DutyTab = 'board' | 'keepApart' | 'headcount' | 'conduct' | 'recognition' | 'log' | 'layout';

/** The tabs of the medical officers' page. */
export type MedicalTab = 'dashboard' | 'round' | 'formulary' | 'settings';

export interface NavigationState {
  route: Route;
  /**
   * "As of" a past date (yyyy-MM-dd): the roster, a trainee opened from it and the System page
   * show the records as they stood at the end of that day. Absent: now.
   */
  asOf?: string;
}

const initialState: NavigationState = { route: { name: 'roster' } };

export const navigation = createSlice({
  name: 'navigation',
  initialState,
  reducers: {
    navigate(state, action: PayloadAction<Route>) {
      state.route = action.payload;
    },
    setAsOf(state, action: PayloadAction<string | undefined>) {
      if (action.payload === undefined) delete state.asOf;
      else state.asOf = action.payload;
    },
  },
  // Signing out resets the api state: the next person starts on today's records.
  extraReducers: (builder) => {
    builder.addMatcher(api.util.resetApiState.match, (state) => {
      delete state.asOf;
    });
  },
});

export const { navigate, setAsOf } = navigation.actions;

/**
 * The first screen of each role (PRODUCT.md, "What each role sees first"): medical officers start
 * on their dashboard (today's round, detox, screenings, ARV), duty officers on the housing board,
 * teachers on their classes, instructors on their workshops, everyone else on the roster.
 */
export function homeRoute(roles: readonly string[]): Route {
  if (roles.includes('medical')) return { name: 'medical', tab: 'dashboard' };
  if (roles.includes('duty')) return { name: 'duty', tab: 'board' };
  if (roles.includes('teacher')) return { name: 'literacy', tab: 'classes' };
  if (roles.includes('instructor')) return { name: 'labor', tab: 'workshops' };
  return { name: 'roster' };
}
