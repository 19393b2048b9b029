/**
 * Child process for the read-only folder test: open the service on the data folder given as the
 * first argument and print one JSON line: the open error (code and message), or that it opened.
 */
import { describeOpenError } from '../../electron/core/host/openError';
import { openService } from '../../electron/core/service';
import { SenError } from '../../shared/errors';

const dataDir = process.argv[2]!;
try {
  const service = openService({ dataDir });
  service.close();
  console.log(JSON.stringify({ opened: true }));
} catch (e) {
  const code = e instanceof SenError ? e.code : 'NOT_A_SEN_ERROR';
  console.log(JSON.stringify({ opened: false, code, message: describeOpenError(dataDir, e) }));
}
