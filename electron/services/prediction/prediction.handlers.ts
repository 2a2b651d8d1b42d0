import { handlersFor } from '../handlerTable.ts';
import { getPredictionModel, listUpcomingPredictions } from './prediction.service.ts';

export const predictionHandlers = handlersFor('prediction', {
  'prediction:model': (ctx) => getPredictionModel(ctx),
  'prediction:upcoming': (ctx, input) => listUpcomingPredictions(ctx, input),
});
