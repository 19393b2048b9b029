/**
 * The encrypted backup file (docs/backup.md): a header, then the export text of the log
 * (transfer.ts) in AES-256-GCM frames.
 *
 *   "SENBAK\0\1"  u32 header length  header JSON (UTF-8)
 *   frames: u32 length  u8 final  ciphertext (length bytes)  16-byte GCM tag
 *
 * The key: scrypt(passphrase, salt, N, r, p) -> 32 bytes (salt and cost in the header), then a
 * per-file key HKDF-SHA256(key, fileSalt) so automatic backups can share one derived key without
 * ever reusing a (key, nonce) pair. Nonce = frame index. Each frame's additional data is the whole
 * header, the frame index and the final flag: the header cannot be changed, frames cannot be
 * reordered, dropped or cut off (the last frame says it is the last; nothing may follow it).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { z } from 'zod';
import type { ErrorCode } from '../../../shared/errors';
import type { ScryptParams } from '../types';

const MAGIC = Buffer.from('SENBAK\u0000\u0001', 'latin1');
const TAG = 16;
/** Plaintext per frame. */
export const FRAME_SIZE = 1 << 20;
const MAX_FRAME = 16 << 20;
const MAX_HEADER = 64 * 1024;

/** Why a backup file is refused; `code` is the error code the screens translate. */
export class BackupError extends Error {
  constructor(
    readonly code: Extract<ErrorCode, `BACKUP_${string}`>,
    message: string,
  ) {
    super(message);
  }
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const headerSchema = z
  .object({
    format: z.literal('sen-backup'),
    version: z.literal(1),
    cipher: z.literal('aes-256-gcm'),
    // Bounded so a crafted header cannot make Sen allocate gigabytes before the passphrase is checked.
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2).max(2 ** 20), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16), salt: b64 }).strict(),
    fileSalt: b64,
    /** HMAC of a fixed text under the file key: tells a wrong passphrase from a damaged file. */
    check: b64,
    frameSize: z.number().int().positive().max(MAX_FRAME),
    createdAt: z.string(),
    /** Events in the file (the anchor's seq), for progress while restoring. */
    events: z.number().int().nonnegative(),
  })
  .strict();
export type BackupHeader = z.infer<typeof headerSchema>;

/** A passphrase stretched with scrypt: what encrypts (the salt and cost go into each header). */
export interface BackupKey {
  salt: Buffer;
  params: ScryptParams;
  key: Buffer;
}

export function deriveKey(passphrase: string, params: ScryptParams, salt: Buffer = randomBytes(16)): Promise<BackupKey> {
  const maxmem = 128 * params.N * params.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem }, (err, key) => (err ? reject(err) : resolve({ salt, params, key })));
  });
}

function fileKey(key: BackupKey, fileSalt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key.key, fileSalt, 'sen-backup v1 file key', 32));
}

function checkValue(k: Buffer): Buffer {
  return createHmac('sha256', k).update('sen-backup v1 passphrase check').digest().subarray(0, 16);
}

function nonce(index: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeUIntBE(index, 6, 6);
  return n;
}

function aad(header: Buffer, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(7);
  tail.writeUIntBE(index, 0, 6);
  tail[6] = final ? 1 : 0;
  return Buffer.concat([header, tail]);
}

/**
 * Writes one backup to an open file descriptor: text goes in with `write`, full frames go out
 * encrypted; `finish` writes the final frame. Nothing is ever held beyond one frame.
 */
export class BackupWriter {
  private readonly header: Buffer;
  private readonly key: Buffer;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  /** Bytes written so far. */
  bytes = 0;

  constructor(
    private readonly fd: number,
    key: BackupKey,
    meta: { createdAt: string; events: number },
  ) {
    const fileSalt = randomBytes(16);
    this.key = fileKey(key, fileSalt);
    const header: BackupHeader = {
      format: 'sen-backup',
      version: 1,
      cipher: 'aes-256-gcm',
      kdf: { name: 'scrypt', ...key.params, salt: key.salt.toString('base64') },
      fileSalt: fileSalt.toString('base64'),
      check: checkValue(this.key).toString('base64'),
      frameSize: FRAME_SIZE,
      createdAt: meta.createdAt,
      events: meta.events,
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    this.header = Buffer.concat([MAGIC, length, json]);
    this.out(this.header);
  }

  write(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    while (this.pendingBytes >= FRAME_SIZE) {
      const all = Buffer.concat(this.pending);
      this.frame(all.subarray(0, FRAME_SIZE), false);
      this.pending = [all.subarray(FRAME_SIZE)];
      this.pendingBytes = all.length - FRAME_SIZE;
    }
  }

  finish(): void {
    this.frame(Buffer.concat(this.pending), true);
    this.pending = [];
    this.pendingBytes = 0;
  }

  private frame(plain: Buffer, final: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.index));
    cipher.setAAD(aad(this.header, this.index, final));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const head = Buffer.alloc(5);
    head.writeUInt32BE(body.length);
    head[4] = final ? 1 : 0;
    this.out(Buffer.concat([head, body, cipher.getAuthTag()]));
    this.index += 1;
  }

  private out(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) at += writeSync(this.fd, bytes, at, bytes.length - at);
    this.bytes += bytes.length;
  }
}

/** Exactly `n` bytes from `fd` at `position`, or fewer when the file ends first. */
function readAt(fd: number, n: number, position: number): Buffer {
  const buf = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const r = readSync(fd, buf, got, n - got, position + got);
    if (r === 0) break;
    got += r;
  }
  return got === n ? buf : buf.subarray(0, got);
}

const truncated = (file: string) => new BackupError('BACKUP_TRUNCATED', `${file} is cut short: the backup is incomplete (copied before it was finished, or the medium is damaged). Nothing was changed.`);

/** The header of a backup file, checked, with its raw bytes (the frames' additional data). */
function readHeader(fd: number, file: string): { header: BackupHeader; raw: Buffer } {
  const start = readAt(fd, MAGIC.length + 4, 0);
  if (start.length < MAGIC.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupError('BACKUP_NOT_A_BACKUP', `${file} is not a Sen backup file.`);
  }
  if (start.length < MAGIC.length + 4) throw truncated(file);
  const length = start.readUInt32BE(MAGIC.length);
  if (length > MAX_HEADER) throw new BackupError('BACKUP_TAMPERED', `${file}: the backup header is damaged. Nothing was changed.`);
  const json = readAt(fd, length, start.length);
  if (json.length < length) throw truncated(file);
  let header: BackupHeader;
  try {
    header = headerSchema.parse(JSON.parse(json.toString('utf8')));
  } catch {
    throw new BackupError('BACKUP_TAMPERED', `${file}: the backup header is damaged or was written by a newer Sen. Nothing was changed.`);
  }
  return { header, raw: Buffer.concat([start, json]) };
}

/** Read a backup's header without the passphrase (when and how much). */
export function backupInfo(file: string): BackupHeader {
  const fd = openBackupFile(file);
  try {
    return readHeader(fd, file).header;
  } finally {
    closeSync(fd);
  }
}

function openBackupFile(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BackupError('BACKUP_NOT_A_BACKUP', code === 'ENOENT' ? `The file ${file} does not exist.` : `Sen cannot read ${file} (${code ?? String(e)}).`);
  }
}

/**
 * Decrypt a backup with `passphrase` (or an already derived key), yielding the export text line by
 * line. Every frame is authenticated before any of its text is given out; a wrong passphrase, an
 * altered byte, a missing or reordered frame, a cut-off file or bytes after the last frame each
 * throw a BackupError. `onBytes` reports how far through the file it is.
 */
export async function* backupLines(file: string, secret: string | BackupKey, onBytes: (done: number, total: number) => void = () => {}): AsyncGenerator<string> {
  const fd = openBackupFile(file);
  try {
    const size = fstatSync(fd).size;
    const { header, raw } = readHeader(fd, file);
    const salt = Buffer.from(header.kdf.salt, 'base64');
    const params = { N: header.kdf.N, r: header.kdf.r, p: header.kdf.p };
    const master = typeof secret === 'string' ? await deriveKey(secret, params, salt) : secret;
    const key = fileKey(master, Buffer.from(header.fileSalt, 'base64'));
    const expected = Buffer.from(header.check, 'base64');
    const check = checkValue(key);
    if (expected.length !== check.length || !timingSafeEqual(expected, check)) {
      throw new BackupError('BACKUP_WRONG_PASSPHRASE', `Wrong passphrase for ${file} (or its header was altered). Nothing was changed.`);
    }
    const decoder = new StringDecoder('utf8');
    let position = raw.length;
    let index = 0;
    let rest = '';
    for (;;) {
      const head = readAt(fd, 5, position);
      if (head.length < 5) throw truncated(file);
      const length = head.readUInt32BE(0);
      const final = head[4] === 1;
      if (head[4]! > 1 || length > header.frameSize) throw new BackupError('BACKUP_TAMPERED', `${file} was altered at byte ${position}: this backup cannot be trusted. Nothing was changed.`);
      const body = readAt(fd, length + TAG, position + 5);
      if (body.length < length + TAG) throw truncated(file);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(index));
      decipher.setAAD(aad(raw, index, final));
      decipher.setAuthTag(body.subarray(length));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
      } catch {
        throw new BackupError('BACKUP_TAMPERED', `${file} was altered (frame ${index}, near byte ${position}): this backup cannot be trusted. Nothing was changed.`);
      }
      position += 5 + length + TAG;
      index += 1;
      onBytes(position, size);
      const text = rest + decoder.write(plain);
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) yield line;
      if (final) break;
    }
    if (position !== size) throw new BackupError('BACKUP_TAMPERED', `${file} has ${size - position} bytes after its last frame: it was altered. Nothing was changed.`);
    rest += decoder.end();
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}
