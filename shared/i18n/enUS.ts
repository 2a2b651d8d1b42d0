import { importExportEnUS } from './enUS/importExport.ts';
import { notificationsEnUS } from './enUS/notifications.ts';
import { remindersEnUS } from './enUS/reminders.ts';
import { renewalsEnUS } from './enUS/renewals.ts';
import { renewalWorkEnUS } from './enUS/renewalWork.ts';
import { appEnUS } from './enUS/app.ts';
import { customerDetailEnUS } from './enUS/customerDetail.ts';
import { customersEnUS } from './enUS/customers.ts';
import { followUpsEnUS } from './enUS/followUps.ts';
import { settingsEnUS } from './enUS/settings.ts';
import { errorsEnUS } from './enUS/errors.ts';
import { validationEnUS } from './enUS/validation.ts';
import { importReasonsEnUS } from './enUS/importReasons.ts';
import { reminderTextsEnUS } from './enUS/reminderTexts.ts';
import { cliEnUS } from './enUS/cli.ts';
import { hostFilesEnUS } from './enUS/hostFiles.ts';
import { backendEnUS } from './enUS/backend.ts';
import { inputLimitsEnUS } from './enUS/inputLimits.ts';
import { desktopEnUS } from './enUS/desktop.ts';
import { encodingEnUS } from './enUS/encoding.ts';
import { backupsEnUS } from './enUS/backups.ts';
import { storageEnUS } from './enUS/storage.ts';
import { reportsEnUS } from './enUS/reports.ts';
import { reportFiguresEnUS } from './enUS/reportFigures.ts';
import { hygieneEnUS } from './enUS/hygiene.ts';
import { lifecycleEnUS } from './enUS/lifecycle.ts';
import { tiersEnUS } from './enUS/tiers.ts';
import { tierTableEnUS } from './enUS/tierTable.ts';
import type { MessageKey } from './zhCN.ts';
import { attachmentsEnUS } from './enUS/attachments.ts';
import { signalsEnUS } from './enUS/signals.ts';
import { healthEnUS } from './enUS/health.ts';
import { paymentsEnUS } from './enUS/payments.ts';
import { surveysEnUS } from './enUS/surveys.ts';
import { predictionEnUS } from './enUS/prediction.ts';
import { riskEnUS } from './enUS/risk.ts';
import { visitsEnUS } from './enUS/visits.ts';
import { complaintsEnUS } from './enUS/complaints.ts';
import { messagesEnUS } from './enUS/messages.ts';
import { teamModeEnUS } from './enUS/teamMode.ts';
import { teamConnectionEnUS } from './enUS/teamConnection.ts';
import { mailEnUS } from './enUS/mail.ts';
import { accountsEnUS } from './enUS/accounts.ts';

export const enUS: Record<MessageKey, string> = {
  ...appEnUS,
  ...customersEnUS,
  ...customerDetailEnUS,
  ...followUpsEnUS,
  ...settingsEnUS,
  ...renewalsEnUS,
  ...renewalWorkEnUS,
  ...remindersEnUS,
  ...notificationsEnUS,
  ...importExportEnUS,
  ...errorsEnUS,
  ...validationEnUS,
  ...importReasonsEnUS,
  ...reminderTextsEnUS,
  ...cliEnUS,
  ...hostFilesEnUS,
  ...backendEnUS,
  ...inputLimitsEnUS,
  ...desktopEnUS,
  ...encodingEnUS,
  ...backupsEnUS,
  ...storageEnUS,
  ...reportsEnUS,
  ...reportFiguresEnUS,
  ...hygieneEnUS,
  ...lifecycleEnUS,
  ...tiersEnUS,
  ...tierTableEnUS,
  ...attachmentsEnUS,
  ...signalsEnUS,
  ...paymentsEnUS,
  ...surveysEnUS,
  ...predictionEnUS,
  ...healthEnUS,
  ...riskEnUS,
  ...visitsEnUS,
  ...complaintsEnUS,
  ...messagesEnUS,
  ...teamModeEnUS,
  ...teamConnectionEnUS,
  ...mailEnUS,
  ...accountsEnUS,
};
