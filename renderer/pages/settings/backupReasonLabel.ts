import type { MessageKey, Translate } from '../../../shared/i18n/createTranslator.ts';
import { backupReasonCode } from '../../../shared/domain/backupName.ts';

const REASON_KEYS: Record<string, MessageKey> = {
  manual: 'backups.reasonManual',
  auto: 'backups.reasonAuto',
  'pre-restore': 'backups.reasonPreRestore',
  'pre-import': 'backups.reasonPreImport',
  'pre-undo-import': 'backups.reasonPreUndoImport',
  'pre-delete-customer': 'backups.reasonPreDeleteCustomer',
  'pre-undo-delete': 'backups.reasonPreUndoDelete',
  'pre-demo': 'backups.reasonPreDemo',
};

/** Why a backup was taken, in the UI's language; a reason this version does not know shows as it is named. */
export function backupReasonLabel(reason: string, t: Translate): string {
  const { code, version } = backupReasonCode(reason);
  if (code === 'pre-migrate') return t('backups.reasonPreMigrate', { version: version ?? '' });
  const key = REASON_KEYS[code];
  return key ? t(key) : reason;
}
