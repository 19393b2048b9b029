/**
 * Payload fuzzing: every handler of the contract (HANDLER_NAMES, read at run time, so a new
 * handler is covered without touching this file) gets thousands of malformed payloads through
 * service.call — wrong types, huge and strange strings, deep nesting, arrays, null/undefined,
 * prototype-pollution keys as own keys — as a signed-in admin, signed out, and before set-up.
 * Every payload is made invalid for the handler's schema on purpose, so nothing may be recorded:
 * the call must answer ok:false with a refusal code, never throw, never append an event, and
 * never touch Object.prototype.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLERS } from '../../shared/api';
import { HANDLER_NAMES } from '../../shared/handlerNames';
import { isAllowed, type Role } from '../../shared/roles';
import { DB_FILE } from '../../electron/core/service';
import type { CoreService } from '../../electron/core/types';
import { cleanupTempDirs, setUpFacility, tempDir, testService } from '../support/core';

/** Runs per handler and caller (three callers): SEN_FUZZ_RUNS=5000 for a long soak. */
const RUNS_PER_HANDLER = Number(process.env['SEN_FUZZ_RUNS'] ?? 300);

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const HUGE = 100_000;
const hugeStrings = [
  'a'.repeat(HUGE),
  '\u0301'.repeat(HUGE), // combining acute accents with nothing to combine with
  'ﷺ\u202e'.repeat(HUGE / 2), // RTL override
  '🧨'.repeat(HUGE / 2),
  '\u0000'.repeat(HUGE),
  'Nguyễn Văn Bình '.repeat(HUGE / 16),
];
const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', 'e\u0301\u0302\u0303', '\u202eevil\u202c', '\u200f\u05e9\u05dc\u05d5\u05dd', '👩‍👩‍👧‍👦', '\ud800', '\udfff', '../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>', '__proto__', 'constructor', 'prototype', 'NaN', '1e309'),
  fc.constantFrom(...hugeStrings),
);
const weirdNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, -1, 1.5, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Infinity, -Infinity));

/** Objects whose `__proto__` / `constructor` / `prototype` are own keys, as JSON.parse makes them. */
const pollutionObject = fc
  .record({
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    inner: fc.constantFrom('{"polluted":"yes"}', '{"prototype":{"polluted":"yes"}}', '{"__proto__":{"polluted":"yes"}}', '"yes"', '[1]', 'null'),
  })
  .map(({ key, inner }) => JSON.parse(`{"${key}":${inner},"__proto__":{"isAdmin":true},"constructor":{"prototype":{"roles":["admin"]}}}`) as Record<string, unknown>);

function nest(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}
const deeplyNested = fc.tuple(fc.integer({ min: 30, max: 3000 }), fc.boolean()).map(([depth, asArray]) => nest(depth, 'x', asArray));

const leaf: fc.Arbitrary<unknown> = fc.oneof(weirdString, weirdNumber, fc.boolean(), fc.constant(null), fc.constant(undefined));
const { value: anyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(weirdString.filter((s) => s.length < 200), tie('value'), { maxKeys: 5 }),
    pollutionObject,
    deeplyNested,
  ),
}));

/** Any payload at all: the top level is as likely to be a string or an array as an object. */
const payload: fc.Arbitrary<unknown> = fc.oneof(
  leaf,
  fc.array(anyValue, { maxLength: 5 }),
  fc.array(fc.constant(0), { minLength: 10_000, maxLength: 10_000 }),
  fc.dictionary(weirdString.filter((s) => s.length < 200), anyValue, { maxKeys: 6 }),
  pollutionObject,
  deeplyNested,
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true, maxDepth: 3 }),
);

// ---------------------------------------------------------------------------------------------
// Making a payload invalid for one handler's schema
// ---------------------------------------------------------------------------------------------

type Shape = Record<string, z.ZodType>;
function shapeOf(schema: z.ZodType): Shape | null {
  const candidate = schema as unknown as { shape?: Shape; in?: z.ZodType };
  if (candidate.shape && typeof candidate.shape === 'object') return candidate.shape;
  if (candidate.in) return shapeOf(candidate.in);
  return null;
}

/** A JSON value of a type the field refuses (never undefined: an optional field takes that). */
function wrongFor(field: z.ZodType): unknown {
  for (const candidate of [12_345.5, 'x'.repeat(HUGE + 1), { unexpected: true }, [['nested']], true, null, -1, '']) {
    if (!field.safeParse(candidate).success) return candidate;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The payload, made certainly invalid: an object gets one of its schema's fields set to a
 * wrong-typed value plus an unknown key (strict schemas refuse it); anything else is already not
 * an object, which every handler's schema requires.
 */
function invalidFor(schema: z.ZodType, raw: unknown, pick: number): unknown {
  if (!isPlainObject(raw)) return raw;
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(raw) as object | null) as Record<string, unknown>;
  for (const key of Reflect.ownKeys(raw)) {
    if (typeof key === 'string') Object.defineProperty(out, key, { value: raw[key], enumerable: true, writable: true, configurable: true });
  }
  const shape = shapeOf(schema);
  const keys = shape ? Object.keys(shape) : [];
  if (shape && keys.length > 0) {
    const key = keys[pick % keys.length]!;
    const wrong = wrongFor(shape[key]!);
    if (wrong !== undefined) out[key] = wrong;
  }
  Object.defineProperty(out, '\u0000fuzz-unknown-key', { value: 1, enumerable: true, writable: true, configurable: true });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

interface Context {
  label: string;
  /** The caller's roles; undefined when nobody is signed in. */
  roles: Role[] | undefined;
  service: CoreService;
  connection: string;
  log: () => { count: number; head: number };
}

function logReader(dataDir: string): { read: () => { count: number; head: number }; close: () => void } {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  const statement = db.prepare('SELECT count(*) AS count, coalesce(max(seq), 0) AS head FROM events');
  return { read: () => statement.get() as { count: number; head: number }, close: () => db.close() };
}

const prototypeKeys = (): string[] => Reflect.ownKeys(Object.prototype).map(String).sort();
const cleanPrototypeKeys = prototypeKeys();
function assertPrototypeClean(): void {
  expect(prototypeKeys()).toEqual(cleanPrototypeKeys);
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'roles']) expect(probe[key]).toBeUndefined();
  expect(Array.prototype).not.toHaveProperty('polluted');
}

const contexts: Context[] = [];
const closers: (() => void)[] = [];

beforeAll(async () => {
  const { service, dataDir } = await setUpFacility();
  // The admin really is signed in: otherwise the fuzzing would only ever meet UNAUTHENTICATED.
  const status = await service.call('admin', 'system.status', {});
  expect(status).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
  const adminRoles = (status as { value: { user: { roles: Role[] } } }).value.user.roles;
  const reader = logReader(dataDir);
  closers.push(reader.close, () => service.close());
  contexts.push({ label: 'signed-in admin', roles: adminRoles, service, connection: 'admin', log: reader.read });
  contexts.push({ label: 'signed out', roles: undefined, service, connection: 'nobody', log: reader.read });
  const freshDir = tempDir();
  const fresh = testService(freshDir);
  const freshReader = logReader(freshDir);
  closers.push(freshReader.close, () => fresh.close());
  contexts.push({ label: 'not set up', roles: undefined, service: fresh, connection: 'first-run', log: freshReader.read });
});

afterAll(() => {
  for (const close of closers.splice(0).reverse()) close();
  cleanupTempDirs();
});

describe('payload fuzzing', () => {
  it('covers every handler of the contract', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...HANDLER_NAMES].sort());
    expect(HANDLER_NAMES.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of HANDLER_NAMES) {
    it(`${name}: malformed payloads are refused, never crash, never write`, async () => {
      const schema = HANDLERS[name].input as z.ZodType;
      for (const ctx of contexts) {
        const before = ctx.log();
        // The permission is checked first, then the schema: a caller who may run the handler must
        // meet the schema (VALIDATION), anyone else the permission check. INTERNAL is a crash.
        const expected = isAllowed(HANDLERS[name].permission, ctx.roles) ? 'VALIDATION' : ctx.roles ? 'FORBIDDEN' : 'UNAUTHENTICATED';
        await fc.assert(
          fc.asyncProperty(payload, fc.nat(), async (raw, pick) => {
            const input = invalidFor(schema, raw, pick);
            // A safety net for the generator: the payload must be one the schema refuses.
            fc.pre(!schema.safeParse(input).success);
            let result: Awaited<ReturnType<CoreService['call']>>;
            try {
              result = await ctx.service.call(ctx.connection, name, input);
            } catch (e) {
              throw new Error(`${name} (${ctx.label}) threw: ${String(e)}`, { cause: e });
            }
            expect(result.ok, `${name} (${ctx.label}) accepted a malformed payload`).toBe(false);
            if (!result.ok) expect(result.error.code, `${name} (${ctx.label}): ${result.error.message}`).toBe(expected);
            expect(ctx.log(), `${name} (${ctx.label}) wrote to the log`).toEqual(before);
            assertPrototypeClean();
          }),
          { numRuns: RUNS_PER_HANDLER, maxSkipsPerRun: 20 },
        );
      }
    });
  }

  it('refuses names outside the contract without crashing or writing', async () => {
    const names = new Set<string>(HANDLER_NAMES);
    for (const ctx of contexts) {
      const before = ctx.log();
      await fc.assert(
        fc.asyncProperty(fc.oneof(weirdString, fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'system.status ', 'SYSTEM.STATUS')), payload, async (name, input) => {
          fc.pre(!names.has(name));
          const result = await ctx.service.call(ctx.connection, name, input);
          expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
          expect(ctx.log()).toEqual(before);
          assertPrototypeClean();
        }),
        { numRuns: 200 },
      );
    }
  });

  it('still serves well-formed calls afterwards (the service is intact)', async () => {
    const [admin] = contexts;
    await expect(admin!.service.call('admin', 'system.verify', {})).resolves.toMatchObject({ ok: true, value: { ok: true } });
    await expect(admin!.service.call('admin', 'trainees.list', {})).resolves.toMatchObject({ ok: true });
  });
});
