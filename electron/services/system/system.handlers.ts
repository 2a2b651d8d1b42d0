import { handlersFor } from '../handlerTable.ts';
import { exportEncryptedBackup } from './exportEncrypted.ts';
import { loadDemo } from './loadDemo.ts';
import { restoreBackup, restoreUpload } from './restoreBackup.ts';
import { backupList, backupNow, readSettings, systemInfo, writeSettings } from './system.service.ts';

export const systemHandlers = handlersFor('system', {
  'system:info': (ctx) => systemInfo(ctx),
  // Only the backend worker knows; a context without it (a test, a CLI command) is never busy for its caller.
  'system:status': async (ctx) => ({ busy: ctx.busyWith?.() ?? null }),
  // Opening the context already created and migrated the file; init reports what it holds.
  'system:init': async (ctx) => ({ dataFile: ctx.dataFile, schemaVersion: ctx.schemaVersion }),
  'system:backup': (ctx) => backupNow(ctx),
  'system:listBackups': async (ctx) => backupList(ctx),
  'system:restore': (ctx, input) => restoreBackup(ctx, input.name),
  'system:restoreUpload': (ctx, input) => restoreUpload(ctx, input.uploadId, input.passphrase),
  'system:exportEncrypted': (ctx, input) => exportEncryptedBackup(ctx, input.passphrase),
  'system:demo': (ctx, input) => loadDemo(ctx, input.today),
});

export const settingsHandlers = handlersFor('settings', {
  'settings:get': (ctx) => readSettings(ctx),
  'settings:set': (ctx, input) => writeSettings(ctx, input),
});
