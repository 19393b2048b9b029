/**
 * Child process of the crash test: opens the real service on the data folder given as the first
 * argument (already set up by the test) and appends forever through it: admissions, corrections,
 * releases, each a durable append with hash and inline projections. After each call returns it
 * prints `ok <seq> <type> <traineeId>`: that event is confirmed. The test SIGKILLs it at random.
 * Standard output to a pipe is synchronous on Linux, so a printed line left the process before
 * the next append began.
 */
import { openService } from '../../electron/core/service';
import { ADMIN_PASSWORD, TEST_SCRYPT, traineeDetails } from '../support/core';

const [dataDir, seedText] = process.argv.slice(2);
let state = Number(seedText ?? 1) >>> 0 || 1;
/** xorshift32: the child's choices follow from the seed the test passes. */
function random(): number {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 0x1_0000_0000;
}

const service = openService({ dataDir: dataDir!, scrypt: TEST_SCRYPT });
const c = 'crash';

async function call(name: string, input: unknown): Promise<unknown> {
  const r = await service.call(c, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function main(): Promise<void> {
  await call('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
  const list = (await call('trainees.list', { status: 'in_care', limit: 5000 })) as { items: { id: string }[] };
  const inCare = list.items.map((t) => t.id);
  process.stdout.write('ready\n');
  let n = 0;
  for (;;) {
    n += 1;
    const r = random();
    if (r < 0.5 || inCare.length < 3) {
      const tag = `${process.pid}-${n}`;
      const value = (await call(
        'trainees.admit',
        traineeDetails({ fileNumber: `HS-${tag}`, fullName: `Phạm Thị Hồng ${tag}`, admissionDate: '2025-03-01', plannedReleaseDate: '2027-03-01' }),
      )) as { traineeId: string; seq: number };
      inCare.push(value.traineeId);
      process.stdout.write(`ok ${value.seq} TraineeAdmitted ${value.traineeId}\n`);
    } else if (r < 0.8) {
      const id = inCare[Math.floor(random() * inCare.length)]!;
      const value = (await call('trainees.correct', { traineeId: id, changes: { homeAddress: `Thôn ${process.pid}-${n}, xã Đồng Lạc` }, reason: 'Sai địa chỉ' })) as { seq: number };
      process.stdout.write(`ok ${value.seq} TraineeDetailsCorrected ${id}\n`);
    } else {
      const [id] = inCare.splice(Math.floor(random() * inCare.length), 1);
      const value = (await call('trainees.release', { traineeId: id, releaseDate: '2026-01-15', kind: 'completed', note: '' })) as { seq: number };
      process.stdout.write(`ok ${value.seq} TraineeReleased ${id}\n`);
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`crash child failed: ${String(e)}\n`);
  process.exit(3);
});
