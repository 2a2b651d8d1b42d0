import { importExportZhCN } from './zhCN/importExport.ts';
import { notificationsZhCN } from './zhCN/notifications.ts';
import { remindersZhCN } from './zhCN/reminders.ts';
import { renewalsZhCN } from './zhCN/renewals.ts';
import { renewalWorkZhCN } from './zhCN/renewalWork.ts';
import { appZhCN } from './zhCN/app.ts';
import { customerDetailZhCN } from './zhCN/customerDetail.ts';
import { customersZhCN } from './zhCN/customers.ts';
import { followUpsZhCN } from './zhCN/followUps.ts';
import { settingsZhCN } from './zhCN/settings.ts';
import { errorsZhCN } from './zhCN/errors.ts';
import { validationZhCN } from './zhCN/validation.ts';
import { importReasonsZhCN } from './zhCN/importReasons.ts';
import { reminderTextsZhCN } from './zhCN/reminderTexts.ts';
import { cliZhCN } from './zhCN/cli.ts';
import { hostFilesZhCN } from './zhCN/hostFiles.ts';
import { backendZhCN } from './zhCN/backend.ts';
import { inputLimitsZhCN } from './zhCN/inputLimits.ts';
import { desktopZhCN } from './zhCN/desktop.ts';
import { encodingZhCN } from './zhCN/encoding.ts';
import { backupsZhCN } from './zhCN/backups.ts';
import { storageZhCN } from './zhCN/storage.ts';
import { reportsZhCN } from './zhCN/reports.ts';
import { reportFiguresZhCN } from './zhCN/reportFigures.ts';
import { hygieneZhCN } from './zhCN/hygiene.ts';
import { lifecycleZhCN } from './zhCN/lifecycle.ts';
import { tiersZhCN } from './zhCN/tiers.ts';
import { tierTableZhCN } from './zhCN/tierTable.ts';
import { attachmentsZhCN } from './zhCN/attachments.ts';
import { signalsZhCN } from './zhCN/signals.ts';
import { healthZhCN } from './zhCN/health.ts';
import { paymentsZhCN } from './zhCN/payments.ts';
import { surveysZhCN } from './zhCN/surveys.ts';
import { predictionZhCN } from './zhCN/prediction.ts';
import { riskZhCN } from './zhCN/risk.ts';
import { visitsZhCN } from './zhCN/visits.ts';
import { complaintsZhCN } from './zhCN/complaints.ts';
import { messagesZhCN } from './zhCN/messages.ts';
import { teamModeZhCN } from './zhCN/teamMode.ts';
import { teamConnectionZhCN } from './zhCN/teamConnection.ts';
import { mailZhCN } from './zhCN/mail.ts';
import { accountsZhCN } from './zhCN/accounts.ts';

// The zh-CN dictionary is the source of keys; enUS.ts must provide every one of them.
export const zhCN = {
  ...appZhCN,
  ...customersZhCN,
  ...customerDetailZhCN,
  ...followUpsZhCN,
  ...settingsZhCN,
  ...renewalsZhCN,
  ...renewalWorkZhCN,
  ...remindersZhCN,
  ...notificationsZhCN,
  ...importExportZhCN,
  ...errorsZhCN,
  ...validationZhCN,
  ...importReasonsZhCN,
  ...reminderTextsZhCN,
  ...cliZhCN,
  ...hostFilesZhCN,
  ...backendZhCN,
  ...inputLimitsZhCN,
  ...desktopZhCN,
  ...encodingZhCN,
  ...backupsZhCN,
  ...storageZhCN,
  ...reportsZhCN,
  ...reportFiguresZhCN,
  ...hygieneZhCN,
  ...lifecycleZhCN,
  ...tiersZhCN,
  ...tierTableZhCN,
  ...attachmentsZhCN,
  ...signalsZhCN,
  ...paymentsZhCN,
  ...surveysZhCN,
  ...predictionZhCN,
  ...healthZhCN,
  ...riskZhCN,
  ...visitsZhCN,
  ...complaintsZhCN,
  ...messagesZhCN,
  ...teamModeZhCN,
  ...teamConnectionZhCN,
  ...mailZhCN,
  ...accountsZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
