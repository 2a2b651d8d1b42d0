import { importExportZhCN } from './zhCN/importExport.ts';
import { notificationsZhCN } from './zhCN/notifications.ts';
import { remindersZhCN } from './zhCN/reminders.ts';
import { renewalsZhCN } from './zhCN/renewals.ts';
import { appZhCN } from './zhCN/app.ts';
import { customerDetailZhCN } from './zhCN/customerDetail.ts';
import { customersZhCN } from './zhCN/customers.ts';
import { followUpsZhCN } from './zhCN/followUps.ts';
import { settingsZhCN } from './zhCN/settings.ts';

// The zh-CN dictionary is the source of keys; enUS.ts must provide every one of them.
export const zhCN = {
  ...appZhCN,
  ...customersZhCN,
  ...customerDetailZhCN,
  ...followUpsZhCN,
  ...settingsZhCN,
  ...renewalsZhCN,
  ...remindersZhCN,
  ...notificationsZhCN,
  ...importExportZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
