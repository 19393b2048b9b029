/**
 * Preview host (dev and tests only): the built renderer plus the core, over loopback HTTP, so Sen
 * runs in an ordinary browser where Electron cannot. The same service as the app, in-process.
 *
 *   npm run preview:web -- --data DIR --port N
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Result } from '../../shared/errors';
import { describeOpenError } from '../core/host/openError';
import { openService } from '../core/service';
import type { ScryptParams } from '../core/types';
import { CONTENT_SECURITY_POLICY } from '../main/csp';
import { bridgeScript } from './bridgeScript';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_RENDERER_DIR = resolve(HERE, '../../out/renderer');
const MAX_BODY = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // The token is in the page URL: never send it anywhere as a referrer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export interface PreviewOptions {
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  rendererDir?: string;
  /** Lower password-hash cost for tests; set in code only, never from the command line. */
  scrypt?: ScryptParams;
}

export interface Preview {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const indexFile = join(rendererDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: build the renderer first (npm run build).`);

  const service = openService({ dataDir: options.dataDir, ...(options.scrypt ? { scrypt: options.scrypt } : {}) });
  const token = randomBytes(24).toString('hex');
  const tokenBytes = Buffer.from(token);
  const hasToken = (candidate: unknown): boolean => {
    if (typeof candidate !== 'string') return false;
    const given = Buffer.from(candidate);
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  // Server-sent events: one open response per subscribed tab.
  const streams = new Set<ServerResponse>();
  const unsubscribe = service.onChange((areas) => {
    for (const res of streams) res.write(`event: changed\ndata: ${JSON.stringify(areas)}\n\n`);
  });
  const keepAlive = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n');
  }, 25_000);
  keepAlive.unref();

  let port = 0;
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

  const server = createServer((req, res) => {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 is not us.
    if (!allowedHosts().includes(req.headers.host ?? '')) return sendJson(res, 403, fail('FORBIDDEN', 'Unexpected Host header.'));
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return sendJson(res, 400, fail('VALIDATION', 'Bad request URL.'));
    }

    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return sendJson(res, 405, fail('VALIDATION', 'Use POST.'));
      if (!hasToken(req.headers['x-sen-token'])) return sendJson(res, 403, fail('FORBIDDEN', 'Missing or wrong preview token.'));
      return void readJson(req, res).then((body) => {
        if (body === undefined) return; // already answered (too large)
        if (typeof body !== 'object' || body === null || typeof (body as { name?: unknown }).name !== 'string') {
          return sendJson(res, 200, fail('VALIDATION', 'Expected a JSON body {"name": string, "input": ...}.'));
        }
        const { name, input } = body as { name: string; input?: unknown };
        return service.call(token, name, input).then((result) => sendJson(res, 200, result));
      });
    }

    if (url.pathname === '/api/events') {
      if (!hasToken(url.searchParams.get('token'))) return sendJson(res, 403, fail('FORBIDDEN', 'Missing or wrong preview token.'));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', ...SECURITY_HEADERS });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, fail('UNKNOWN_HANDLER', 'No such API.'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');

    if (url.pathname === '/preview-bridge.js') return sendBody(res, req, 200, CONTENT_TYPES['.js']!, bridgeScript());
    return serveStatic(req, res, rendererDir, url.pathname);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    // Loopback only: the preview is never reachable from the network.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  let closed = false;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(keepAlive);
      unsubscribe();
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      service.close();
    },
  };
}

function fail(code: 'FORBIDDEN' | 'VALIDATION' | 'UNKNOWN_HANDLER', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(text);
}

function sendBody(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string | Buffer, cache = 'no-cache'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': cache, ...SECURITY_HEADERS });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The parsed JSON body; a VALIDATION result for bad JSON; undefined when already refused as too large. */
function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  return new Promise((done) => {
    const tooLarge = (): void => {
      res.setHeader('connection', 'close');
      sendJson(res, 413, fail('VALIDATION', 'Request body over 1 MB.'));
      req.resume(); // drain, do not keep it
      done(undefined);
    };
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_BODY) {
        refused = true;
        chunks.length = 0;
        return tooLarge();
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      try {
        done(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        sendJson(res, 200, fail('VALIDATION', 'The request body is not valid JSON.'));
        done(undefined);
      }
    });
    req.on('error', () => done(undefined));
  });
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, pathname: string): void {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return sendText(res, 400, 'Bad path');
  }
  if (relative.includes('\0')) return sendText(res, 400, 'Bad path');
  if (relative === '/' || relative === '') relative = '/index.html';
  const file = resolve(root, `.${relative}`);
  // Never outside the renderer folder, whatever the dots and encodings.
  if (!file.startsWith(root + sep)) return sendText(res, 404, 'Not found');
  let real: string;
  try {
    real = realpathSync(file);
    if (!real.startsWith(realpathSync(root) + sep) || !statSync(real).isFile()) return sendText(res, 404, 'Not found');
  } catch {
    return sendText(res, 404, 'Not found');
  }
  const type = CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
  if (real.endsWith(`${sep}index.html`) && dirname(real) === realpathSync(root)) {
    return sendBody(res, req, 200, type, injectBridge(readFileSync(real, 'utf8')), 'no-store');
  }
  // Hashed asset names under assets/ never change content: cache them.
  const cache = relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  return sendBody(res, req, 200, type, readFileSync(real), cache);
}

/** The bridge must define window.sen before the app's module script runs. */
export function injectBridge(html: string): string {
  const tag = '<script src="/preview-bridge.js"></script>';
  const at = html.search(/<script\b[^>]*type=["']?module/i);
  if (at >= 0) return html.slice(0, at) + tag + '\n    ' + html.slice(at);
  return html.replace(/<\/head>/i, `${tag}\n</head>`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' } }, strict: true });
  const dataDir = resolve(values.data ?? '.data/preview');
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}`);
  let preview: Preview;
  try {
    preview = await startPreview({ dataDir, port });
  } catch (error) {
    const opening = typeof error === 'object' && error !== null && 'code' in error;
    console.error(`Sen preview: ${opening ? describeOpenError(dataDir, error) : (error as Error).message}`);
    process.exit(2);
  }
  // Exactly one line on stdout: tests and scripts read the URL from it.
  console.log(`Sen preview: ${preview.url}`);
  const stop = (): void => {
    void preview.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  main().catch((error: unknown) => {
    console.error(`Sen preview: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
