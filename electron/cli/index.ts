/**
 * `sen`: local administration of a Sen data folder, on the same core service as the app.
 * Exit codes: 0 done; 1 the check failed or the core refused (verify, query, import, rpc, backup, restore);
 * 2 could not run (usage, bad folder, newer database...). See docs/cli.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { Command, CommanderError } from 'commander';
import { HANDLERS, type HandlerOutput } from '../../shared/api';
import type { BackupProgress } from '../../shared/backup';
import { runBackupInput } from '../../shared/backup';
import { SenError, type Result, type SenErrorData } from '../../shared/errors';
import { restoreBackup } from '../core/backup/files';
import { BackupError } from '../core/backup/format';
import { HANDLER_NAMES, isHandlerName } from '../../shared/handlerNames';
import { parseCsv } from '../../shared/csv';
import { guessMapping, mapRow, REQUIRED_IMPORT_FIELDS, type RosterCheck, type RosterRow } from '../../shared/rosterImport';
import { describeOpenError } from '../core/host/openError';
import { DB_FILE, openService } from '../core/service';
import { exportLog, ImportError, importLog, isEmptyFolder } from '../core/transfer';
import type { CoreService } from '../core/types';
import { readable, table } from './format';

/** A failure to report on stderr with exit code 2. */
class CliError extends Error {}

type Need = 'create' | 'existing';

/** Open the service on `dir`; for every command but init the database must already exist. */
function open(dir: string, need: Need): CoreService {
  const dataDir = resolve(dir);
  const file = join(dataDir, DB_FILE);
  if (need === 'existing') {
    if (!existsSync(dataDir)) throw new CliError(`The folder ${dataDir} does not exist. Pass the folder that holds ${DB_FILE} (or create a new one with: sen init --data ${dir}).`);
    if (!existsSync(file)) throw new CliError(`There is no Sen database in ${dataDir} (${file} is missing). Check the folder, or create a new database with: sen init --data ${dir}.`);
  }
  try {
    return openService({ dataDir });
  } catch (error) {
    throw new CliError(describeOpenError(dataDir, error));
  }
}

function withService<T>(dir: string, need: Need, run: (service: CoreService) => T): T {
  const service = open(dir, need);
  try {
    return run(service);
  } finally {
    service.close();
  }
}

async function withServiceAsync<T>(dir: string, run: (service: CoreService) => Promise<T>): Promise<T> {
  const service = open(dir, 'existing');
  try {
    return await run(service);
  } finally {
    service.close();
  }
}

/** JSON given on the command line, which must be an object (a handler's input). */
function parseInput(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${what} is not valid JSON (${(e as Error).message}): ${text.slice(0, 200)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(`${what} must be a JSON object, e.g. '{}' or '{"traineeId":"…"}'.`);
  return value as Record<string, unknown>;
}

/** Print what the core refused, on stderr, and set exit code 1. */
function refused(error: SenErrorData): void {
  const lines = [`sen: refused: ${error.code}: ${error.message}`];
  for (const issue of error.issues ?? []) lines.push(`  ${issue.path || '(input)'}: ${issue.code}`);
  console.error(lines.join('\n'));
  process.exitCode = 1;
}

function printResult(result: Result<unknown>, json: boolean): void {
  if (!result.ok) {
    refused(result.error);
    return;
  }
  console.log(json ? JSON.stringify(result.value, null, 2) : readable(result.value));
}

/**
 * A secret (a password for `sen rpc`, a backup passphrase): all of stdin when it is not a terminal
 * (trailing newline removed), else typed at `prompt` on stderr without echo.
 */
async function readSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise<string>((resolvePassword, reject) => {
    let typed = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (text: string) => {
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolvePassword(typed);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new CliError('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export function buildProgram(): Command {
  const program = new Command('sen').description('Sen: administer a Sen data folder (the one holding sen.db)').showHelpAfterError();
  // Throw instead of exiting, so main() can map usage errors to exit code 2 like other failures.
  program.exitOverride();

  program
    .command('init')
    .description('create the database, or bring an existing one up to this version of Sen')
    .requiredOption('--data <dir>', 'data folder')
    .action(({ data }: { data: string }) => {
      withService(data, 'create', () => undefined);
      console.log(`Sen database ready: ${join(resolve(data), DB_FILE)}`);
    });

  program
    .command('verify')
    .description('check the hash chain of the event log (exit 1 if broken)')
    .requiredOption('--data <dir>', 'data folder')
    .action(({ data }: { data: string }) => {
      const report = withService(data, 'existing', (s) => s.verify());
      if (report.ok) {
        console.log(`chain intact: ${report.checked} events`);
        return;
      }
      console.log(`chain BROKEN at seq ${report.firstBadSeq ?? '?'}: ${report.problem ?? 'unknown problem'}`);
      console.log(`(${report.checked} events checked, newest seq ${report.headSeq}). Do not write to this database; restore a backup and ask for technical help.`);
      process.exitCode = 1;
    });

  program
    .command('rebuild')
    .description('rebuild every projection table from the event log')
    .requiredOption('--data <dir>', 'data folder')
    .action(({ data }: { data: string }) => {
      const { events, ms } = withService(data, 'existing', (s) => s.rebuild());
      console.log(`rebuilt projections: ${events} events replayed in ${Math.round(ms)} ms`);
    });

  program
    .command('stats')
    .description('event counts by type and trainees by status')
    .requiredOption('--data <dir>', 'data folder')
    .option('--json', 'print JSON')
    .action(({ data, json }: { data: string; json?: boolean }) => {
      const stats = withService(data, 'existing', (s) => s.stats());
      if (json) {
        console.log(JSON.stringify(stats, null, 2));
        return;
      }
      const lines = [`events: ${stats.totalEvents}`];
      for (const [type, n] of Object.entries(stats.eventsByType)) lines.push(`  ${type.padEnd(28)} ${n}`);
      lines.push('trainees by status:');
      const statuses = Object.entries(stats.traineesByStatus);
      if (statuses.length === 0) lines.push('  (none)');
      for (const [status, n] of statuses) lines.push(`  ${status.padEnd(28)} ${n}`);
      console.log(lines.join('\n'));
    });

  program
    .command('query')
    .description('run a query handler (see `sen rpc --list`, kind query) as the local administrator and print the result')
    .argument('<name>', 'handler name, e.g. trainees.list, trainees.get, system.stats')
    .requiredOption('--data <dir>', 'data folder')
    .option('--as-of <date>', 'answer from the events recorded up to the end of this day (YYYY-MM-DD)')
    .option('--input <json>', 'the handler input as a JSON object', '{}')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { data: string; asOf?: string; input: string; json?: boolean }) => {
      if (!isHandlerName(name)) throw new CliError(`unknown handler ${name}: see sen rpc --list`);
      if (HANDLERS[name].kind !== 'query') throw new CliError(`${name} is a command, not a query: run it as a signed-in user with sen rpc`);
      const input = parseInput(opts.input, '--input');
      if (opts.asOf !== undefined) input['asOf'] = opts.asOf;
      const result = await withServiceAsync(opts.data, (s) => s.query(name, input));
      printResult(result, opts.json ?? false);
    });

  program
    .command('export')
    .description('write the whole event log to a JSON-lines file, ending with the anchor line (refused if the chain is broken)')
    .requiredOption('--data <dir>', 'data folder')
    .requiredOption('--out <file>', 'file to write (replaced when complete)')
    .action(({ data, out }: { data: string; out: string }) => {
      const report = withService(data, 'existing', (s) => {
        const r = s.verify();
        // The whole log, medical records included, leaves Sen: the access log says so first (and the file holds that line too).
        if (r.ok) s.recordAccess('export', null, `sen export --out ${resolve(out)}: the whole event log`);
        return r;
      });
      if (!report.ok) {
        console.error(`sen: not exported: the chain is broken at seq ${report.firstBadSeq ?? '?'}: ${report.problem ?? 'unknown problem'}. Run sen verify.`);
        process.exitCode = 1;
        return;
      }
      // One read-only connection and one SELECT: the file is a consistent snapshot even while Sen runs.
      const db = new Database(join(resolve(data), DB_FILE), { readonly: true });
      try {
        const { events, anchor } = exportLog(db, out);
        console.log(`exported ${events} events to ${resolve(out)} (anchor seq ${anchor.seq}, hash ${anchor.hash})`);
      } catch (error) {
        throw new CliError(`could not write ${resolve(out)}: ${(error as Error).message}`);
      } finally {
        db.close();
      }
    });

  program
    .command('import')
    .description('load an export file into a new, EMPTY data folder: every line and hash is checked first, then projections are rebuilt')
    .argument('<file>', 'a file written by sen export')
    .requiredOption('--data <dir>', 'the new data folder (missing or empty)')
    .action(async (file: string, { data }: { data: string }) => {
      const target = resolve(data);
      if (!existsSync(file)) throw new CliError(`The file ${resolve(file)} does not exist.`);
      if (!isEmptyFolder(target)) throw new CliError(`The folder ${target} is not empty: import only into a new, empty data folder (nothing was changed).`);
      try {
        const { events, anchor, rebuildMs } = await importLog(file, target);
        console.log(`imported ${events} events into ${join(target, DB_FILE)} (anchor seq ${anchor.seq}); projections rebuilt in ${Math.round(rebuildMs)} ms; chain verified`);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        console.error(`sen: import refused, nothing was written: ${error.message}`);
        process.exitCode = 1;
      }
    });

  program
    .command('import-roster')
    .description('admit every row of a CSV roster (columns recognised by their Vietnamese or English headers), all in one transaction; any bad row: nothing is written (exit 1)')
    .argument('<file>', 'the CSV file (comma or semicolon, UTF-8 with or without BOM, dates dd/MM/yyyy)')
    .requiredOption('--data <dir>', 'data folder')
    .requiredOption('--user <username>', 'the administrator who imports (password on stdin, or prompted)')
    .option('--skip-invalid', 'import the valid rows and leave out the bad ones (still listed)')
    .action(async (file: string, opts: { data: string; user: string; skipInvalid?: boolean }) => {
      if (!existsSync(file)) throw new CliError(`The file ${resolve(file)} does not exist.`);
      const [header = [], ...records] = parseCsv(readFileSync(file, 'utf8')).records;
      const mapping = guessMapping(header);
      const missing = REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === undefined);
      if (missing.length > 0 || records.length === 0) {
        console.error(`sen: import refused, nothing was written: ${records.length === 0 ? 'the file has no rows under its header' : `no column for ${missing.join(', ')} (headers found: ${header.join(' | ')})`}`);
        process.exitCode = 1;
        return;
      }
      // Row numbers as a spreadsheet shows them: the header is row 1.
      const rows: RosterRow[] = records.map((r, i) => ({ row: i + 2, values: mapRow(r, mapping) }));
      const input = { fileName: basename(file), rows };
      const password = await readSecret(`Password for ${opts.user}: `);
      await withServiceAsync(opts.data, async (s) => {
        // Checked first as the local administrator, so a bad file writes nothing at all (not even a sign-in).
        const checked = await s.query('trainees.importCheck', input);
        if (!checked.ok) return refused(checked.error);
        const check = checked.value as RosterCheck;
        for (const i of check.issues) {
          const column = i.field ? header[mapping[i.field]!] : undefined;
          const cell = i.field ? ` "${rows[i.row - 2]!.values[i.field] ?? ''}"` : '';
          console.error(`  row ${i.row}${column ? `, column "${column}" (${i.field})` : ''}: ${i.code}${i.otherRow ? ` (same as row ${i.otherRow})` : ''}${cell}`);
        }
        const bad = new Set(check.issues.map((i) => i.row));
        if (bad.size > 0 && !opts.skipInvalid) {
          console.error(`sen: import refused, nothing was written: ${bad.size} of ${check.rows} rows have errors (fix them, or pass --skip-invalid to import the ${check.valid} valid rows)`);
          process.exitCode = 1;
          return;
        }
        const keep = rows.filter((r) => !bad.has(r.row));
        if (keep.length === 0) {
          console.error('sen: nothing to import: every row has errors');
          process.exitCode = 1;
          return;
        }
        const signIn = await s.call('cli', 'auth.signIn', { username: opts.user, password });
        if (!signIn.ok) return refused(signIn.error);
        const result = await s.call('cli', 'trainees.import', { ...input, rows: keep });
        s.disconnect('cli');
        if (!result.ok) return refused(result.error);
        const { imported, firstSeq, lastSeq } = result.value as HandlerOutput<'trainees.import'>;
        console.log(`imported ${imported} trainees from ${resolve(file)} (events ${firstSeq}..${lastSeq})${bad.size ? `; ${bad.size} rows with errors left out` : ''}`);
      });
    });

  program
    .command('backup')
    .description('write an encrypted, verified backup of the event log into a folder (passphrase on stdin, or prompted twice)')
    .requiredOption('--data <dir>', 'data folder')
    .requiredOption('--to <folder>', 'the folder to write the backup file into (e.g. a USB stick)')
    .action(async ({ data, to }: { data: string; to: string }) => {
      const folder = resolve(to);
      open(data, 'existing').close(); // a missing or unopenable folder is a usage error (exit 2) before the passphrase is asked
      const passphrase = await readSecret('Backup passphrase: ');
      if (process.stdin.isTTY && (await readSecret('Again: ')) !== passphrase) throw new CliError('the two passphrases differ; nothing was written.');
      const check = runBackupInput.safeParse({ folder, passphrase });
      if (!check.success) throw new CliError(`refused: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message === 'passphraseTooShort' ? 'the passphrase must be at least 10 characters' : i.message}`).join('; ')}`);
      const progress = process.stderr.isTTY ? (p: BackupProgress) => process.stderr.write(`\r${p.phase} ${p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0}%   `) : undefined;
      const entry = await withServiceAsync(data, (s) => s.backup(folder, passphrase, progress)).catch((e: unknown) => {
        if (!(e instanceof SenError)) throw e;
        refused(e.toData());
        return null;
      });
      if (progress) process.stderr.write('\n');
      if (entry) console.log(`backup written and verified: ${entry.file} (${entry.events} events, ${(entry.bytes / 1e6).toFixed(1)} MB)`);
    });

  program
    .command('restore')
    .description('restore an encrypted backup into an empty data folder, or (--replace) in place of the current one, which is kept aside; passphrase on stdin, or prompted')
    .argument('<file>', 'a backup file written by Sen')
    .requiredOption('--data <dir>', 'the data folder to restore into')
    .option('--replace', 'the folder holds data: move it aside (never deleted) and put the restored data in its place')
    .action(async (file: string, { data, replace }: { data: string; replace?: boolean }) => {
      const target = resolve(data);
      if (!existsSync(file)) throw new CliError(`The file ${resolve(file)} does not exist.`);
      if (!isEmptyFolder(target) && !replace) {
        throw new CliError(`The folder ${target} is not empty. To replace its data with the backup, run again with --replace (the current data are moved to ${target}.before-restore-…, never deleted). Nothing was changed.`);
      }
      const passphrase = await readSecret('Backup passphrase: ');
      try {
        const { events, anchor, rebuildMs, asideDir } = await restoreBackup(resolve(file), passphrase, target, { replace: replace ?? false });
        withService(target, 'existing', (s) => s.recordAccess('restore', null, `sen restore ${resolve(file)}`));
        console.log(`restored ${events} events into ${join(target, DB_FILE)} (anchor seq ${anchor.seq}); projections rebuilt in ${Math.round(rebuildMs)} ms; chain verified`);
        if (asideDir) console.log(`the previous data are kept in ${asideDir}`);
      } catch (error) {
        if (!(error instanceof BackupError) && !(error instanceof ImportError)) throw error;
        console.error(`sen: restore refused, nothing was changed: ${error.message}`);
        process.exitCode = 1;
      }
    });

  program
    .command('rpc')
    .description('call any handler as a user (password on stdin, or prompted), with the app\'s permission checks and validation; --list shows the handlers')
    .argument('[name]', 'handler name, e.g. trainees.admit')
    .argument('[json]', 'the handler input as a JSON object', '{}')
    .option('--data <dir>', 'data folder')
    .option('--user <username>', 'sign in as this user')
    .option('--list', 'list every handler with its kind and permission')
    .action(async (name: string | undefined, json: string, opts: { data?: string; user?: string; list?: boolean }) => {
      if (opts.list) {
        console.log(table(HANDLER_NAMES.map((n) => ({ handler: n, kind: HANDLERS[n].kind, permission: HANDLERS[n].permission }))));
        return;
      }
      if (!name) throw new CliError('which handler? usage: sen rpc NAME JSON --data DIR --user USERNAME (or sen rpc --list)');
      if (!isHandlerName(name)) throw new CliError(`unknown handler ${name}: see sen rpc --list`);
      if (!opts.data) throw new CliError("required option '--data <dir>' not specified");
      if (!opts.user) throw new CliError("required option '--user <username>' not specified");
      const input = parseInput(json, 'JSON input');
      const { data, user } = opts;
      const password = await readSecret(`Password for ${user}: `);
      await withServiceAsync(data, async (s) => {
        const connection = 'cli';
        const signIn = await s.call(connection, 'auth.signIn', { username: user, password });
        if (!signIn.ok) {
          refused(signIn.error);
          return;
        }
        const result = name === 'auth.signIn' ? signIn : await s.call(connection, name, input);
        s.disconnect(connection);
        if (!result.ok) {
          refused(result.error);
          return;
        }
        console.log(JSON.stringify(result.value, null, 2));
      });
    });

  program
    .command('demo')
    .description('fill a new, empty data folder with a made-up facility history (sample data for training and trials), and its admin account')
    .requiredOption('--data <dir>', 'the new data folder (missing, empty, or only initialised)')
    .option('--trainees <n>', 'about how many people in care at the end', String(500))
    .option('--years <n>', 'years of history', String(10))
    .option('--seed <n>', 'the same seed gives the same history', String(1))
    .option('--password <password>', 'the admin password (default: a random one, printed once)')
    .action(async (opts: { data: string; trainees: string; years: string; seed: string; password?: string }) => {
      const number = (text: string, what: string): number => {
        if (!/^\d+$/.test(text)) throw new CliError(`--${what} must be a whole number, got "${text}".`);
        return Number(text);
      };
      const input = { trainees: number(opts.trainees, 'trainees'), years: number(opts.years, 'years'), seed: number(opts.seed, 'seed'), password: opts.password ?? randomBytes(12).toString('base64url') };
      const service = open(opts.data, 'create');
      try {
        const status = await service.call('cli', 'system.status', {});
        if (status.ok && (status.value as { setUp: boolean; facilityName: string | null }).setUp) {
          const name = (status.value as { facilityName: string | null }).facilityName ?? '';
          throw new CliError(`The folder ${resolve(opts.data)} already holds a set-up facility ("${name}"): sen demo only fills a new, empty data folder. Nothing was changed; pass another folder.`);
        }
        console.log(`generating ${input.years} years of a ${input.trainees}-trainee facility (seed ${input.seed})…`);
        const result = await service.call('cli', 'system.demo', input);
        if (!result.ok) {
          refused(result.error);
          return;
        }
        const { facilityName, username, password, counts, ms } = result.value as HandlerOutput<'system.demo'>;
        const kinds = counts.releasedByKind;
        console.log(
          [
            `demo facility "${facilityName}" written to ${join(resolve(opts.data), DB_FILE)}`,
            `  history        ${counts.from} .. ${counts.to}`,
            `  events         ${counts.events}`,
            `  admitted       ${counts.admitted}`,
            `  corrected      ${counts.corrected}`,
            `  released       ${counts.released} (completed ${kinds.completed}, transferred ${kinds.transferred}, other ${kinds.other})`,
            `  in care now    ${counts.inCare}`,
            `  classes        ${counts.classes.classes} (${counts.classes.sessions} sessions, ${counts.classes.attendance} attendance marks)`,
            `  literacy       ${counts.literacy.observations} skill observations on ${counts.literacy.sheets} sheets, ${counts.literacy.completions} completions`,
            `  duty           ${Object.entries(counts.duty).map(([k, v]) => `${k} ${v}`).join(', ')}`,
            `  time           ${(ms / 1000).toFixed(1)} s`,
            `sign in as "${username}" with the password: ${password}`,
            opts.password ? '' : '(shown only this once; the data are made up: never enter real people here)',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      } finally {
        service.close();
      }
    });

  return program;
}

/** Run the CLI on `argv` (as process.argv: node, script, args...). */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the help or the usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    const message = error instanceof CliError ? error.message : `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    console.error(`sen: ${message}`);
    process.exitCode = 2;
  }
}

// Run when this file is the entry (npm run cli, tsx electron/cli/index.ts); bin/sen.mjs calls main() itself.
const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) await main();
