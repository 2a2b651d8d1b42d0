import { handlersFor } from '../handlerTable.ts';
import {
  accountsStatus,
  changeOwnPassword,
  createAccount,
  createFirstAdmin,
  listAccountItems,
  login,
  logout,
  resetPassword,
  updateAccount,
} from './accounts.service.ts';
import { readTeamSettings, setTeamSettings } from './teamSettings.ts';

export const accountsHandlers = handlersFor('accounts', {
  'accounts:status': (ctx) => accountsStatus(ctx),
  'accounts:createFirstAdmin': (ctx, input) => createFirstAdmin(ctx, input),
  'accounts:login': (ctx, input) => login(ctx, input),
  'accounts:logout': (ctx) => logout(ctx),
  'accounts:changePassword': (ctx, input) => changeOwnPassword(ctx, input),
  'accounts:list': (ctx) => listAccountItems(ctx),
  'accounts:create': (ctx, input) => createAccount(ctx, input),
  'accounts:update': (ctx, input) => updateAccount(ctx, input),
  'accounts:resetPassword': (ctx, input) => resetPassword(ctx, input),
  'accounts:setTeamSettings': async (ctx, input) => {
    await setTeamSettings(ctx, input);
    return readTeamSettings(ctx.db);
  },
});
