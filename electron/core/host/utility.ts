/**
 * Entry of the core in the app: Electron forks this file as a utilityProcess
 * (`--data DIR`) and talks to it over `process.parentPort` (protocol.ts).
 * Plain Node: electron/core never imports electron, so parentPort is typed by shape.
 */
import { openService } from '../service';
import type { CoreService } from '../types';
import { describeOpenError } from './openError';
import type { CorePort } from './serve';
import { serve } from './serve';

export function parseDataArg(argv: readonly string[]): string | null {
  const i = argv.indexOf('--data');
  const dir = i >= 0 ? argv[i + 1] : undefined;
  return dir && !dir.startsWith('--') ? dir : null;
}

function main(): void {
  const port = (process as NodeJS.Process & { parentPort?: CorePort }).parentPort;
  if (!port) {
    console.error('Sen core: no parent port; this file runs as an Electron utilityProcess.');
    process.exit(2);
  }
  const dataDir = parseDataArg(process.argv);
  if (!dataDir) {
    port.postMessage({ kind: 'fatal', message: 'Sen core started without --data DIR.' });
    return exitSoon();
  }

  let service: CoreService;
  try {
    service = openService({ dataDir });
  } catch (error) {
    port.postMessage({ kind: 'fatal', message: describeOpenError(dataDir, error) });
    return exitSoon();
  }

  serve(port, service, () => process.exit(0));
  // Main asks for 'shutdown' on quit; if it has to kill us instead (SIGTERM on POSIX), close cleanly too.
  const stop = (): void => {
    service.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Leave time for the fatal message to reach main, which shows it and quits. */
function exitSoon(): void {
  setTimeout(() => process.exit(1), 2000);
}

main();
