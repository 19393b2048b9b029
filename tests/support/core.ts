import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TraineeDetails } from '../../shared/admissions';
import type { Role } from '../../shared/roles';
import { streams } from '../../shared/events';
import { hashPassword } from '../../electron/core/accounts/passwords';
import { DB_FILE, openService, PROJECTIONS } from '../../electron/core/service';
import { EventStore } from '../../electron/core/store/eventStore';
import type { CoreService, ScryptParams } from '../../electron/core/types';

/** Cheap scrypt for tests only: passed as configuration, never reachable by a user. */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };
export const ADMIN_PASSWORD = 'mật khẩu đủ dài';

const dirs: string[] = [];
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sen-test-'));
  dirs.push(d);
  return d;
}
export function cleanupTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function openStore(dataDir: string, now?: () => Date): EventStore {
  return EventStore.open(join(dataDir, DB_FILE), { projections: PROJECTIONS, ...(now ? { now } : {}) });
}

export function testService(dataDir = tempDir(), now?: () => Date): CoreService {
  return openService({ dataDir, scrypt: TEST_SCRYPT, ...(now ? { now } : {}) });
}

/** A set-up facility with the admin signed in on connection "admin". */
export async function setUpFacility(dataDir = tempDir(), now?: () => Date): Promise<{ service: CoreService; dataDir: string }> {
  const service = testService(dataDir, now);
  const setup = await service.call('admin', 'system.setup', {
    facilityName: 'Cơ sở cai nghiện ma túy tỉnh Phú Thọ',
    fullName: 'Trần Văn Quản',
    username: 'admin',
    password: ADMIN_PASSWORD,
    passwordConfirm: ADMIN_PASSWORD,
  });
  if (!setup.ok) throw new Error(`setup failed: ${setup.error.message}`);
  const signIn = await service.call('admin', 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.message}`);
  return { service, dataDir };
}

/** Accounts management is a later issue: tests create users with other roles straight in the log. */
export async function seedUser(dataDir: string, username: string, roles: Role[], password = 'mật khẩu của tôi'): Promise<string> {
  const store = openStore(dataDir);
  const userId = randomUUID();
  store.append(streams.user(userId), 'no_stream', [
    { type: 'UserCreated', data: { userId, username, fullName: `Cán bộ ${username}`, roles, passwordHash: await hashPassword(password, TEST_SCRYPT), mustChangePassword: false } },
  ], { actor: null });
  store.close();
  return userId;
}

let fileCounter = 0;
export function traineeDetails(overrides: Partial<TraineeDetails> = {}): TraineeDetails {
  fileCounter += 1;
  return {
    fileNumber: `HS-2026-${String(fileCounter).padStart(4, '0')}`,
    fullName: 'Nguyễn Văn Bình',
    sex: 'male',
    dateOfBirth: '1992-04-17',
    idNumber: '025092001234',
    homeAddress: 'Khu 3, xã Tân Lập, huyện Tân Sơn, tỉnh Phú Thọ',
    admissionType: 'compulsory',
    decisionNumber: '15/2026/QĐ-TA',
    admissionDate: '2026-09-01',
    plannedReleaseDate: '2028-09-01',
    educationLevel: 'primary_incomplete',
    substances: ['methamphetamine'],
    familyContact: { name: 'Nguyễn Thị Lan', relationship: 'mẹ', phone: '0912 345 678' },
    ...overrides,
  };
}

/** Every row of every projection table, in a stable order, for rebuild comparisons. */
export function projectionSnapshot(store: EventStore): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const p of PROJECTIONS) {
    for (const t of p.tables) out[t] = store.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all();
  }
  return out;
}

export function eventCount(dataDir: string): number {
  const store = openStore(dataDir);
  const n = store.headAnchor().seq;
  store.close();
  return n;
}

/** `n` admissions appended 500 per transaction: a large log quickly. Returns the trainee ids. */
export function appendAdmissions(store: EventStore, n: number): string[] {
  const ids = Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
  for (let i = 0; i < n; i += 500) {
    store.appendBatch(
      ids.slice(i, i + 500).map((id, k) => ({
        stream: streams.trainee(id),
        expected: 'no_stream' as const,
        events: [{ type: 'TraineeAdmitted' as const, data: { traineeId: id, ...traineeDetails({ fileNumber: `F-${i + k}` }) } }],
      })),
      { actor: null },
    );
  }
  return ids;
}
