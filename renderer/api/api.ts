import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import { AREAS, type Area, type HandlerInput, type HandlerName, type HandlerOutput } from '../../shared/api';
import type { SenErrorData } from '../../shared/errors';

/** One call through the bridge: a handler name and its input. */
export interface BridgeCall {
  name: HandlerName;
  input: unknown;
}

function asSenError(e: unknown): SenErrorData {
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Calls `window.sen.invoke`. The bridge returns a Result and never throws; `ok: false` becomes
 * RTK Query's `error`, so components read `error.code` / `error.issues`.
 */
export const bridgeBaseQuery: BaseQueryFn<BridgeCall, unknown, SenErrorData> = async ({ name, input }, { dispatch }) => {
  try {
    const bridge = window.sen;
    if (!bridge) return { error: { code: 'INTERNAL', message: 'The Sen bridge is missing' } };
    const result = await bridge.invoke(name, input as HandlerInput<typeof name>);
    if (result.ok) return { data: result.value };
    // The session ended under us (e.g. the core restarted, or an admin deactivated the account) or
    // a password change is now required: re-read it, which shows sign-in or the change screen.
    if ((result.error.code === 'UNAUTHENTICATED' || result.error.code === 'PASSWORD_CHANGE_REQUIRED') && name !== 'system.status') dispatch(api.util.invalidateTags(['session']));
    return { error: result.error };
  } catch (e) {
    return { error: asSenError(e) };
  }
};

/** An endpoint's query: the handler name and the caller's input. Slices use it with `api.injectEndpoints`. */
export const call = <N extends HandlerName>(name: N) => (input: HandlerInput<N>): BridgeCall => ({ name, input });

export const api = createApi({
  reducerPath: 'api',
  baseQuery: bridgeBaseQuery,
  tagTypes: [...AREAS],
  // The core pushes the areas it changed, so cached data is kept until invalidated.
  refetchOnMountOrArgChange: false,
  endpoints: (build) => ({
    status: build.query<HandlerOutput<'system.status'>, void>({
      query: () => ({ name: 'system.status', input: {} }),
      providesTags: ['system', 'session'],
    }),
    setup: build.mutation<HandlerOutput<'system.setup'>, HandlerInput<'system.setup'>>({
      query: call('system.setup'),
      invalidatesTags: ['system', 'session'],
    }),
    demo: build.mutation<HandlerOutput<'system.demo'>, HandlerInput<'system.demo'>>({
      // The core holds its pushes until the demo is complete; then the screens refetch.
      query: call('system.demo'),
      invalidatesTags: ['system', 'session', 'trainees'],
    }),
    stats: build.query<HandlerOutput<'system.stats'>, HandlerInput<'system.stats'>>({
      query: call('system.stats'),
      providesTags: ['system', 'trainees'],
    }),
    verify: build.mutation<HandlerOutput<'system.verify'>, void>({
      // A query on the core's side, but run on demand from a button: a mutation here.
      query: () => ({ name: 'system.verify', input: {} }),
      // A break found (or cleared) changes the integrity state that system.status reports.
      invalidatesTags: ['system'],
    }),
    signIn: build.mutation<HandlerOutput<'auth.signIn'>, HandlerInput<'auth.signIn'>>({
      query: call('auth.signIn'),
      invalidatesTags: ['session'],
    }),
    signOut: build.mutation<HandlerOutput<'auth.signOut'>, void>({
      query: () => ({ name: 'auth.signOut', input: {} }),
    }),
    changePassword: build.mutation<HandlerOutput<'auth.changePassword'>, HandlerInput<'auth.changePassword'>>({
      query: call('auth.changePassword'),
      invalidatesTags: ['session'],
    }),
    listAccounts: build.query<HandlerOutput<'accounts.list'>, void>({
      query: () => ({ name: 'accounts.list', input: {} }),
      providesTags: ['accounts'],
    }),
    createAccount: build.mutation<HandlerOutput<'accounts.create'>, HandlerInput<'accounts.create'>>({
      query: call('accounts.create'),
      invalidatesTags: ['accounts'],
    }),
    setRoles: build.mutation<HandlerOutput<'accounts.setRoles'>, HandlerInput<'accounts.setRoles'>>({
      query: call('accounts.setRoles'),
      invalidatesTags: ['accounts', 'session'],
    }),
    deactivateAccount: build.mutation<HandlerOutput<'accounts.deactivate'>, HandlerInput<'accounts.deactivate'>>({
      query: call('accounts.deactivate'),
      invalidatesTags: ['accounts', 'session'],
    }),
    reactivateAccount: build.mutation<HandlerOutput<'accounts.reactivate'>, HandlerInput<'accounts.reactivate'>>({
      query: call('accounts.reactivate'),
      invalidatesTags: ['accounts'],
    }),
    resetPassword: build.mutation<HandlerOutput<'accounts.resetPassword'>, HandlerInput<'accounts.resetPassword'>>({
      query: call('accounts.resetPassword'),
      invalidatesTags: ['accounts', 'session'],
    }),
    listTrainees: build.query<HandlerOutput<'trainees.list'>, HandlerInput<'trainees.list'>>({
      query: call('trainees.list'),
      providesTags: ['trainees'],
    }),
    getTrainee: build.query<HandlerOutput<'trainees.get'>, HandlerInput<'trainees.get'>>({
      query: call('trainees.get'),
      providesTags: ['trainees'],
    }),
    timeline: build.query<HandlerOutput<'trainees.timeline'>, HandlerInput<'trainees.timeline'>>({
      query: call('trainees.timeline'),
      providesTags: ['trainees'],
    }),
    admit: build.mutation<HandlerOutput<'trainees.admit'>, HandlerInput<'trainees.admit'>>({
      query: call('trainees.admit'),
      invalidatesTags: ['trainees', 'system'],
    }),
    correct: build.mutation<HandlerOutput<'trainees.correct'>, HandlerInput<'trainees.correct'>>({
      query: call('trainees.correct'),
      invalidatesTags: ['trainees', 'system'],
    }),
    release: build.mutation<HandlerOutput<'trainees.release'>, HandlerInput<'trainees.release'>>({
      query: call('trainees.release'),
      invalidatesTags: ['trainees', 'system'],
    }),
    lock: build.mutation<HandlerOutput<'auth.lock'>, void>({
      query: () => ({ name: 'auth.lock', input: {} }),
      invalidatesTags: ['session'],
    }),
    setIdleLock: build.mutation<HandlerOutput<'system.setIdleLock'>, HandlerInput<'system.setIdleLock'>>({
      query: call('system.setIdleLock'),
      invalidatesTags: ['system'],
    }),
    voidEvent: build.mutation<HandlerOutput<'events.void'>, HandlerInput<'events.void'>>({
      query: call('events.void'),
      invalidatesTags: ['trainees', 'system'],
    }),
    acknowledgeChainBreak: build.mutation<HandlerOutput<'system.acknowledgeChainBreak'>, HandlerInput<'system.acknowledgeChainBreak'>>({
      query: call('system.acknowledgeChainBreak'),
      invalidatesTags: ['system', 'session'],
    }),
  }),
});

export const {
  useStatusQuery,
  useSetupMutation,
  useDemoMutation,
  useStatsQuery,
  useVerifyMutation,
  useSignInMutation,
  useSignOutMutation,
  useChangePasswordMutation,
  useListAccountsQuery,
  useCreateAccountMutation,
  useSetRolesMutation,
  useDeactivateAccountMutation,
  useReactivateAccountMutation,
  useResetPasswordMutation,
  useListTraineesQuery,
  useGetTraineeQuery,
  useTimelineQuery,
  useAdmitMutation,
  useCorrectMutation,
  useReleaseMutation,
  useVoidEventMutation,
  useLockMutation,
  useSetIdleLockMutation,
  useAcknowledgeChainBreakMutation,
} = api;

/** The demo mutation's shared cache key: the first-run screen starts it, sign-in shows its credentials. */
export const DEMO_CACHE_KEY = 'demo';

/** Whether a value is an error that came back from the bridge. */
export function isSenError(e: unknown): e is SenErrorData {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string';
}

export type { Area };
