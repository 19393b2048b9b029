import type { HandlerInput, HandlerName, HandlerOutput } from '../../shared/api';
import type { Result } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import type { CoreService } from '../../electron/core/types';
import { seedUser, setUpFacility, testService, traineeDetails } from './core';

export const STAFF_PASSWORD = 'mật khẩu của tôi';

export interface MedicalFixture {
  service: CoreService;
  dataDir: string;
  /** Trainees admitted by the admin, in order. */
  traineeIds: string[];
  /** Call a handler as the person holding `role` (connection named after the role; "admin" for the admin). */
  as<N extends HandlerName>(role: Role, name: N, input: HandlerInput<N>): Promise<Result<HandlerOutput<N>>>;
  /** Same, but throws with the error when the call is refused: for the arrange steps of a test. */
  ok<N extends HandlerName>(role: Role, name: N, input: HandlerInput<N>): Promise<HandlerOutput<N>>;
  /** Events in the log now (the service stays open). */
  events(): number;
}

/**
 * A set-up facility with one signed-in person per role (connection = role name) and `trainees`
 * admitted on 2026-09-01. Pass `now` for a fixed clock.
 */
export async function medicalFixture(trainees = 3, now?: () => Date): Promise<MedicalFixture> {
  const setup = await setUpFacility(undefined, now);
  setup.service.close();
  for (const role of ['medical', 'duty', 'teacher', 'instructor'] as const) await seedUser(setup.dataDir, role, [role], STAFF_PASSWORD);
  const service = testService(setup.dataDir, now);
  const signIn = async (connection: string, username: string, password: string) => {
    const r = await service.call(connection, 'auth.signIn', { username, password });
    if (!r.ok) throw new Error(`sign-in failed: ${r.error.message}`);
  };
  await signIn('admin', 'admin', 'mật khẩu đủ dài');
  for (const role of ['medical', 'duty', 'teacher', 'instructor'] as const) await signIn(role, role, STAFF_PASSWORD);
  const as = ((role: Role, name: HandlerName, input: unknown) => service.call(role, name, input)) as MedicalFixture['as'];
  const ok = (async (role: Role, name: HandlerName, input: unknown) => {
    const r = await service.call(role, name, input);
    if (!r.ok) throw new Error(`${name} as ${role} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`);
    return r.value;
  }) as MedicalFixture['ok'];
  const traineeIds: string[] = [];
  const names = ['Nguyễn Văn Bình', 'Trần Thị Hoà', 'Lò Văn Páo', 'Hoàng Đức Thắng', 'Vàng A Dế', 'Phạm Quang Huy'];
  for (let i = 0; i < trainees; i++) {
    const r = await ok('admin', 'trainees.admit', traineeDetails({ fullName: names[i % names.length]! }));
    traineeIds.push(r.traineeId);
  }
  return { service, dataDir: setup.dataDir, traineeIds, as, ok, events: () => service.stats().totalEvents };
}
