import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted, no whitespace, undefined members dropped. The same value
 * always gives the same bytes, so hashes do not depend on the order a caller built an object in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of one event row that the chain covers. Data and meta enter as digests of their stored text. */
export interface HashedFields {
  seq: number;
  stream: string;
  version: number;
  type: string;
  schema: number;
  data: string;
  meta: string;
  occurredAt: string;
  recordedAt: string;
}

/**
 * hash = SHA-256(prev_hash "\n" canonical(fields with data/meta digests)). Hashing a digest of the
 * payload rather than the payload lets a future redaction keep the chain (ENGINEERING.md).
 */
export function eventHash(prevHash: string, f: HashedFields): string {
  const body = canonicalJson({
    seq: f.seq,
    stream: f.stream,
    version: f.version,
    type: f.type,
    schema: f.schema,
    dataDigest: sha256Hex(f.data),
    metaDigest: sha256Hex(f.meta),
    occurredAt: f.occurredAt,
    recordedAt: f.recordedAt,
  });
  return sha256Hex(`${prevHash}\n${body}`);
}
