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
} as const;

export type MessageKey = keyof typeof zhCN;
