// Survey campaigns: the customers picked by tier, or by a live active contract ending within N days of the
// campaign's date, each given a task (reminding its owner on the date, kind 'survey'); the grid reads the tasks.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { surveySelectionSchema, type SurveySelection } from '../../../shared/api/surveys.contract.ts';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { newId } from '../../../db/newId.ts';
import {
  campaignRows,
  customersOfTiers,
  customersWithContractsDue,
  getCampaign,
  insertCampaign,
  insertCampaignTask,
  listCampaigns,
  type StoredCampaign,
} from '../../../db/repositories/surveyCampaignsRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { recomputeSurveyTaskReminders } from './surveyTaskReminders.ts';

const toOutput = (c: StoredCampaign) => ({ ...c, selection: surveySelectionSchema.parse(c.selection) });

export async function listSurveyCampaigns(ctx: ServiceContext): Promise<ApiOutput<'surveys:campaigns'>> {
  const items = (await listCampaigns(ctx.db)).map(toOutput);
  return { items, total: items.length };
}

export async function createSurveyCampaign(ctx: ServiceContext, input: ApiParsedInput<'surveys:createCampaign'>): Promise<ApiOutput<'surveys:createCampaign'>> {
  return withTransaction(ctx.db, async (tx) => {
    const selection: SurveySelection = input.selection;
    const picked =
      selection.by === 'tier' ? await customersOfTiers(tx, selection.tiers) : await customersWithContractsDue(tx, input.onDate, addDaysIso(input.onDate, selection.days));
    if (picked.length === 0) throw new AppError('VALIDATION', msg('surveyErrors.noCustomersPicked'), 'selection');
    const batchId = newId();
    const meta = auditMeta(ctx, 'create', batchId);
    const id = await insertCampaign(tx, { name: input.name, onDate: input.onDate, selection }, meta);
    const taskIds: string[] = [];
    for (const c of picked) taskIds.push(await insertCampaignTask(tx, id, c, meta));
    await recomputeSurveyTaskReminders(ctx, tx, taskIds);
    const campaign = await getCampaign(tx, id);
    return { campaign: toOutput(campaign!), undoToken: batchId };
  });
}

export async function surveyCampaign(ctx: ServiceContext, input: ApiParsedInput<'surveys:campaign'>): Promise<ApiOutput<'surveys:campaign'>> {
  const campaign = await getCampaign(ctx.db, input.id);
  if (!campaign) throw new AppError('NOT_FOUND', msg('surveyErrors.campaignMissing'), 'id');
  return { campaign: toOutput(campaign), rows: await campaignRows(ctx.db, input.id) };
}
