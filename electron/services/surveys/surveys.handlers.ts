import { handlersFor } from '../handlerTable.ts';
import { createSurveyCampaign, listSurveyCampaigns, surveyCampaign } from './surveyCampaigns.service.ts';
import { surveyResults } from './surveyResults.service.ts';
import {
  addSurveyAction,
  latestSurvey,
  listCustomerSurveys,
  listSurveyDimensions,
  removeSurvey,
  retireDimension,
  saveSurvey,
  setDimension,
  setSurveyThreshold,
  undoSurveyChange,
} from './surveys.service.ts';

export const surveysHandlers = handlersFor('surveys', {
  'surveys:dimensions': (ctx, input) => listSurveyDimensions(ctx, input),
  'surveys:setDimension': (ctx, input) => setDimension(ctx, input),
  'surveys:retireDimension': (ctx, input) => retireDimension(ctx, input),
  'surveys:list': (ctx, input) => listCustomerSurveys(ctx, input),
  'surveys:latest': (ctx, input) => latestSurvey(ctx, input),
  'surveys:save': (ctx, input) => saveSurvey(ctx, input),
  'surveys:remove': (ctx, input) => removeSurvey(ctx, input),
  'surveys:addAction': (ctx, input) => addSurveyAction(ctx, input),
  'surveys:undo': (ctx, input) => undoSurveyChange(ctx, input),
  'surveys:setThreshold': (ctx, input) => setSurveyThreshold(ctx, input),
  'surveys:results': (ctx, input) => surveyResults(ctx, input),
  'surveys:campaigns': (ctx) => listSurveyCampaigns(ctx),
  'surveys:createCampaign': (ctx, input) => createSurveyCampaign(ctx, input),
  'surveys:campaign': (ctx, input) => surveyCampaign(ctx, input),
});
