import type { HandlerMap } from '../context';
import type { BackupHandlerName } from '../../../shared/backup';
import { SenError } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import { logBytes, usableFolder } from './files';
import { lastBackups, readBackupSettings } from './projection';

const DAY = 86_400_000;

export const backupHandlers: HandlerMap<BackupHandlerName> = {
  'backup.status': (ctx) => {
    const { last, lastVerified } = lastBackups(ctx.store.db);
    const settings = readBackupSettings(ctx.store.db);
    const days = lastVerified ? Math.floor((ctx.now().getTime() - Date.parse(lastVerified.recordedAt)) / DAY) : null;
    return {
      last,
      lastVerified,
      daysSinceVerified: days,
      warning: days === null ? 'never' : days >= settings.warnAfterDays ? 'old' : null,
      settings,
      automaticReady: ctx.backups.automaticReady,
      running: ctx.backups.running,
      logBytes: logBytes(ctx.store.file),
      events: ctx.store.headAnchor().seq,
      integrity: ctx.integrity.status(),
      pendingRestore: ctx.backups.pendingRestore,
    };
  },
  'backup.run': async (ctx, input) => {
    // A tampered log would not verify once written: say why now, before any work.
    if (ctx.integrity.readOnly) throw new SenError('READ_ONLY_CHAIN_BROKEN', 'The event log failed verification: acknowledge the break before backing up.');
    return ctx.backups.run(input.folder, await ctx.backups.derive(input.passphrase), ctx.meta());
  },
  'backup.configure': async (ctx, input) => {
    if (input.folder !== '') {
      try {
        usableFolder(input.folder);
      } catch (e) {
        throw new SenError('BACKUP_FOLDER_UNUSABLE', (e as Error).message, [{ path: 'folder', code: 'folderMissing' }]);
      }
    }
    const automatic = input.everyHours > 0 || input.onExit;
    if (automatic && input.passphrase === '' && !ctx.backups.automaticReady) {
      throw new SenError('VALIDATION', 'passphrase: required', [{ path: 'passphrase', code: 'required' }]);
    }
    if (input.passphrase !== '') await ctx.backups.setAutomaticPassphrase(input.passphrase);
    const { passphrase, ...settings } = input;
    const [stored] = ctx.store.append(streams.backup, 'any', [{ type: 'BackupSettingsChanged', data: { ...settings, passphraseChanged: passphrase !== '' } }], ctx.meta());
    return { seq: stored!.seq };
  },
  'backup.restore': (ctx, input) => ctx.backups.prepareRestore(input.file, input.passphrase, ctx.meta()),
};
