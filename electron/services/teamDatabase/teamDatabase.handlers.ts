import { handlersFor } from '../handlerTable.ts';
import { chooseTeamDatabase, getTeamDatabase, testTeamDatabase } from './teamDatabase.service.ts';

export const teamDatabaseHandlers = handlersFor('teamDatabase', {
  'teamDatabase:get': (ctx) => getTeamDatabase(ctx),
  'teamDatabase:test': (ctx, input) => testTeamDatabase(ctx, input),
  'teamDatabase:choose': (ctx, input) => chooseTeamDatabase(ctx, input),
});
