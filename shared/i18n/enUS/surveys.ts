import type { surveysZhCN } from '../zhCN/surveys.ts';

export const surveysEnUS: Record<keyof typeof surveysZhCN, string> = {
  'surveys.dimensionName': 'Dimension name',
  'surveys.actionText': 'Improvement action',
  'surveys.campaignName': 'Campaign name',
  'surveys.dim.productQuality': 'Product quality',
  'surveys.dim.serviceAttitude': 'Service attitude',
  'surveys.dim.resolutionSpeed': 'Resolution speed',
  'surveyErrors.missing': 'This survey does not exist or was deleted',
  'surveyErrors.dimensionMissing': 'No such survey dimension',
  'surveyErrors.dimensionTaken': 'A dimension named "{name}" already exists',
  'surveyErrors.dimensionRetired': 'This dimension is retired: new scores cannot use it',
  'surveyErrors.lastDimension': 'Keep at least one dimension in use',
  'surveyErrors.noScores': 'Score at least one dimension',
  'surveyErrors.contractOfOtherCustomer': 'This contract belongs to another customer',
  'surveyErrors.notInCampaign': 'This customer is not in that survey campaign',
  'surveyErrors.notASurveyChange': 'This is not a survey change, so it cannot be undone here',
  'surveyErrors.rangeReversed': 'The start date cannot be after the end date',
  'surveyErrors.noCustomersPicked': 'No customer matches this selection',
  'surveyErrors.campaignMissing': 'This survey campaign does not exist',
};
