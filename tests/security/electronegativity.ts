/**
 * `npm run security:scan`: electronegativity over the built app (`out/`, made by `electron-vite
 * build` beforehand; this script builds nothing). electronegativity exits 0 whatever it finds, so
 * this reads its findings and fails on any that docs/security-scan.json does not justify.
 * Offline by construction: the package's two network calls (translations, Electron's release
 * list) are answered "offline" here, and the release check is excluded (see the JSON).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ScanPolicy {
  electronVersion: string;
  /** Checks not run at all, each with its reason. */
  excludedChecks: { check: string; reason: string }[];
  /** Findings accepted: a check id (and optionally the file it points at, or a prefix ending in `*`) with the reason. */
  justified: { id: string; file?: string; reason: string }[];
}

export interface Finding {
  id: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  confidence: string;
  description: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function loadPolicy(path = join(root, 'docs/security-scan.json')): ScanPolicy {
  return JSON.parse(readFileSync(path, 'utf8')) as ScanPolicy;
}

/** Findings no entry of the policy justifies. */
export function unjustified(findings: Finding[], policy: ScanPolicy): Finding[] {
  return findings.filter((f) => !policy.justified.some((j) => j.id === f.id && (j.file === undefined || fileMatches(j.file, f.file.replaceAll('\\', '/')))));
}

/** A policy file is a path, or a prefix ending in `*` for bundles whose names carry a content hash. */
function fileMatches(pattern: string, file: string): boolean {
  return pattern.endsWith('*') ? file.startsWith(pattern.slice(0, -1)) : pattern === file;
}

interface RawIssue {
  id: string;
  file: string;
  location?: { line?: number; column?: number };
  severity?: { name?: string };
  confidence?: { name?: string };
  description?: string;
}

type RunElectronegativity = (options: Record<string, unknown>) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[]; globalChecks: number; atomicChecks: number }>;

/** Load electronegativity with its HTTP client replaced: the scan never touches the network. */
function loadOffline(): RunElectronegativity {
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    if (request === 'got') return () => Promise.reject(new Error('offline: Sen scans without the network'));
    return original.call(this, request, parent, isMain);
  };
  return createRequire(import.meta.url)('@doyensec/electronegativity') as RunElectronegativity;
}

export async function scan(input = join(root, 'out'), policy = loadPolicy()): Promise<{ findings: Finding[]; errors: string[]; checks: number }> {
  if (!existsSync(join(input, 'main/index.js'))) throw new Error(`No build in ${input}: run \`electron-vite build\` first.`);
  const run = loadOffline();
  const reportDir = join(root, 'test-results');
  mkdirSync(reportDir, { recursive: true });
  // Quiet the package's own chatter (translations, release fetch) but keep our output.
  const log = console.log;
  console.log = () => undefined;
  let result: Awaited<ReturnType<RunElectronegativity>>;
  try {
    result = await run({
      input,
      electronVersionOverride: policy.electronVersion,
      isRelative: true,
      customScan: [],
      excludeFromScan: policy.excludedChecks.map((c) => c.check.toLowerCase()),
      parserPlugins: [],
      // A SARIF report for people and CI viewers; the decision below uses the returned issues.
      output: join(reportDir, 'electronegativity.sarif'),
      isSarif: true,
    });
  } finally {
    console.log = log;
  }
  const findings = result.issues.map(
    (i): Finding => ({
      id: i.id,
      file: i.file,
      line: i.location?.line ?? 0,
      column: i.location?.column ?? 0,
      severity: i.severity?.name ?? '?',
      confidence: i.confidence?.name ?? '?',
      description: i.description ?? '',
    }),
  );
  const errors = result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`);
  return { findings, errors, checks: result.globalChecks + result.atomicChecks };
}

async function main(): Promise<void> {
  const policy = loadPolicy();
  const { findings, errors, checks } = await scan(join(root, 'out'), policy);
  const bad = unjustified(findings, policy);
  console.log(`electronegativity: ${checks} checks (Electron ${policy.electronVersion}), ${findings.length} finding(s), ${findings.length - bad.length} justified in docs/security-scan.json.`);
  for (const f of findings) console.log(`  ${bad.includes(f) ? 'UNJUSTIFIED' : 'justified  '} ${f.id} ${f.file}:${f.line}:${f.column} [${f.severity}/${f.confidence}] ${f.description}`);
  const stale = policy.justified.filter((j) => !findings.some((f) => f.id === j.id));
  for (const j of stale) console.log(`  note: ${j.id} is justified but no longer found; remove it from docs/security-scan.json if it stays gone.`);
  for (const e of errors) console.error(`  could not parse ${e}`);
  if (bad.length > 0 || errors.length > 0) {
    console.error('electronegativity: fix the findings above or justify them (docs/security.md, docs/security-scan.json).');
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
