import type { SessionUser } from '../../shared/accounts';
import type { Area, HandlerInput, HandlerName, HandlerOutput, IntegrityStatus, SenBridge, SystemStatus } from '../../shared/api';
import type { Result, SenErrorData } from '../../shared/errors';

export interface RecordedCall {
  name: HandlerName;
  input: unknown;
}

type Responder<N extends HandlerName> = Result<HandlerOutput<N>> | ((input: HandlerInput<N>) => Result<HandlerOutput<N>>);

/**
 * An in-memory SenBridge for component tests: records every call and answers from a script.
 * A call with no scripted answer gets an INTERNAL error, so a test sees it rather than hanging.
 */
export class FakeBridge implements SenBridge {
  readonly calls: RecordedCall[] = [];
  private readonly responders = new Map<HandlerName, Responder<HandlerName>>();
  private readonly listeners = new Set<(areas: Area[]) => void>();

  /** Script the answer to one handler (a fixed Result or a function of the input). */
  on<N extends HandlerName>(name: N, responder: Responder<N>): this {
    this.responders.set(name, responder as unknown as Responder<HandlerName>);
    return this;
  }

  ok<N extends HandlerName>(name: N, value: HandlerOutput<N>): this {
    return this.on(name, { ok: true, value });
  }

  fail<N extends HandlerName>(name: N, error: SenErrorData): this {
    return this.on(name, { ok: false, error });
  }

  invoke<N extends HandlerName>(name: N, input: HandlerInput<N>): Promise<Result<HandlerOutput<N>>> {
    this.calls.push({ name, input: structuredClone(input) });
    const responder = this.responders.get(name) as Responder<N> | undefined;
    if (!responder) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `unscripted call ${name}` } });
    const result = typeof responder === 'function' ? responder(input) : responder;
    return Promise.resolve(structuredClone(result));
  }

  subscribe(listener: (areas: Area[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Push a change notification, as the core does after an append. */
  emit(areas: Area[]): void {
    for (const l of this.listeners) l(areas);
  }

  callsTo<N extends HandlerName>(name: N): HandlerInput<N>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as HandlerInput<N>);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

export const ADMIN: SessionUser = { id: '00000000-0000-4000-8000-000000000001', username: 'admin', fullName: 'Trần Văn Quản', roles: ['admin'] };
export const TEACHER: SessionUser = { id: '00000000-0000-4000-8000-000000000002', username: 'gv', fullName: 'Lê Thị Giáo', roles: ['teacher'] };

export const INTACT: IntegrityStatus = { state: 'ok', breaks: [], checkedAt: '2026-11-25T01:00:00.000Z', verification: null };

export function status(user: SessionUser | null, setUp = true, integrity: IntegrityStatus = INTACT): SystemStatus {
  return { setUp, facilityName: setUp ? 'Cơ sở cai nghiện ma túy tỉnh Sơn La' : null, user, integrity: user ? integrity : null, idleLockMinutes: 10, startup: null };
}

/** A bridge for a signed-in user on a set-up facility. */
export function signedInBridge(user: SessionUser = ADMIN): FakeBridge {
  return new FakeBridge().ok('system.status', status(user));
}
