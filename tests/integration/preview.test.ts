/** The preview host on a temp data folder and a stand-in renderer build: token, API, static files. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { injectBridge, startPreview, type Preview } from '../../electron/preview/index';

let root: string;
let preview: Preview;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so paths like /../x reach the server as written (fetch would normalise them). */
function http(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: preview.port, method, path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (body: unknown, token: string | null = preview.token): Promise<Reply> =>
  http('POST', '/api/invoke', {
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { 'x-sen-token': token }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sen-preview-'));
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(
    join(renderer, 'index.html'),
    '<!doctype html><html><head><title>Sen</title><script type="module" crossorigin src="./assets/index-abc.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log("app")');
  writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  preview = await startPreview({ dataDir: join(root, 'data'), port: 0, rendererDir: renderer, scrypt: { N: 1024, r: 8, p: 1 } });
});

afterAll(async () => {
  await preview?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('preview host', () => {
  it('prints a loopback URL with a 48-hex-digit token and listens on 127.0.0.1 only', () => {
    expect(preview.url).toBe(`http://127.0.0.1:${preview.port}/?token=${preview.token}`);
    expect(preview.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('does not answer on other addresses than 127.0.0.1', async () => {
    // The server is bound to loopback: connecting on another local interface address fails.
    const { networkInterfaces } = await import('node:os');
    const other = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!other) return; // no non-loopback interface on this machine
    await expect(
      new Promise((resolve, reject) => {
        const req = request({ host: other.address, port: preview.port, path: '/', timeout: 2000 }, resolve);
        req.on('error', reject);
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.end();
      }),
    ).rejects.toThrow();
  });

  it('refuses API calls without the right token (403)', async () => {
    for (const token of [null, '', 'x'.repeat(48), preview.token.slice(0, -1) + (preview.token.endsWith('0') ? '1' : '0')]) {
      const reply = await invoke({ name: 'system.status', input: {} }, token);
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await http('GET', '/api/events?token=wrong')).status).toBe(403);
  });

  it('answers system.status with the right token', async () => {
    const reply = await invoke({ name: 'system.status', input: {} });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { setUp: false, facilityName: null, user: null, integrity: null, idleLockMinutes: 10, startup: null } });
  });

  it('refuses unknown handlers and malformed JSON', async () => {
    expect(JSON.parse((await invoke({ name: 'system.dropAll', input: {} })).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    expect(JSON.parse((await invoke('{"name": "system.status", ')).body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.parse((await invoke('[1,2]')).body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses bodies over 1 MB', async () => {
    const reply = await invoke({ name: 'system.status', input: { pad: 'x'.repeat(1024 * 1024) } });
    expect(reply.status).toBe(413);
  });

  it('pushes changed areas to subscribers after an append', async () => {
    const events = await new Promise<{ next: () => Promise<string>; close: () => void }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: preview.port, path: `/api/events?token=${preview.token}` }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let buffer = '';
        const waiting: ((s: string) => void)[] = [];
        res.on('data', (c: Buffer) => {
          buffer += c.toString('utf8');
          const at = buffer.indexOf('event: changed');
          if (at >= 0 && buffer.indexOf('\n\n', at) > 0) waiting.shift()?.(buffer.slice(at, buffer.indexOf('\n\n', at)));
        });
        resolve({ next: () => new Promise((r) => waiting.push(r)), close: () => req.destroy() });
      });
      req.on('error', reject);
      req.end();
    });
    const pushed = events.next();
    const setup = await invoke({
      name: 'system.setup',
      input: { facilityName: 'Cơ sở cai nghiện Test', fullName: 'Nguyễn Văn A', username: 'admin', password: 'correct horse battery', passwordConfirm: 'correct horse battery' },
    });
    expect(JSON.parse(setup.body)).toMatchObject({ ok: true });
    expect(await pushed).toMatch(/^event: changed\ndata: \[.*"system".*\]$/);
    events.close();
  });

  it('serves the renderer with the bridge injected before the app script, and the CSP header', async () => {
    const page = await http('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body.indexOf('<script src="/preview-bridge.js"></script>')).toBeGreaterThan(0);
    expect(page.body.indexOf('/preview-bridge.js')).toBeLessThan(page.body.indexOf('type="module"'));

    const bridge = await http('GET', '/preview-bridge.js');
    expect(bridge.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(bridge.body).toContain('x-sen-token');
    expect(bridge.body).toContain('"trainees.admit"');
    expect((await http('GET', '/assets/index-abc.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await http('GET', '/assets/index-abc.js')).body).toBe('console.log("app")');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html', '/nope.js']) {
      const reply = await http('GET', path);
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await http('GET', '/', { headers: { host: `evil.example:${preview.port}` } });
    expect(reply.status).toBe(403);
  });
});

describe('injectBridge', () => {
  it('puts the bridge before the first module script, or at the end of head', () => {
    expect(injectBridge('<head><script type="module" src="a.js"></script></head>')).toMatch(/^<head><script src="\/preview-bridge\.js"><\/script>\s*<script type="module"/);
    expect(injectBridge('<head></head>')).toContain('<script src="/preview-bridge.js"></script>\n</head>');
  });
});
