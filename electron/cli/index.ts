/**
 * `sen`: local administration of a Sen data folder, on the same core service as the app.
 * Exit codes: 0 done, 1 the check failed (verify), 2 could not run (bad folder, newer database...).
 */
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { describeOpenError } from '../core/host/openError';
import { DB_FILE, openService } from '../core/service';
import type { CoreService } from '../core/types';

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
