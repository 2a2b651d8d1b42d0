import { appEnUS } from './enUS/app.ts';
import { customerDetailEnUS } from './enUS/customerDetail.ts';
import { customersEnUS } from './enUS/customers.ts';
import { followUpsEnUS } from './enUS/followUps.ts';
import { settingsEnUS } from './enUS/settings.ts';
import type { MessageKey } from './zhCN.ts';

export const enUS: Record<MessageKey, string> = {
  ...appEnUS,
  ...customersEnUS,
  ...customerDetailEnUS,
  ...followUpsEnUS,
  ...settingsEnUS,
};
