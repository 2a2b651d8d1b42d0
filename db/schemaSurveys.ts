// Issue 14's satisfaction surveys (migration 0030). Part of db/schema.ts's Database.
import type { SoftDeleted } from './schema.ts';

/** A satisfaction survey's dimension (migration 0030); a built-in has a code and a NULL name until renamed. */
export interface SurveyDimensionsTable extends SoftDeleted {
  id: string;
  code: string | null;
  name: string | null;
  position: number;
  retired_on: string | null;
}

/** A satisfaction survey (migration 0030); scores is JSON {dimension id: 1..5}. */
export interface SurveysTable extends SoftDeleted {
  id: string;
  customer_id: string;
  contract_id: string | null;
  campaign_id: string | null;
  on_date: string;
  channel: string;
  scores: string;
  comment: string | null;
}

/** A survey campaign (migration 0030); selection is JSON (SurveySelection). */
export interface SurveyCampaignsTable extends SoftDeleted {
  id: string;
  name: string;
  on_date: string;
  selection: string;
}

/** One customer of a survey campaign: its task (a reminder of kind 'survey'), done once survey_id is set. */
export interface SurveyCampaignCustomersTable extends SoftDeleted {
  id: string;
  campaign_id: string;
  customer_id: string;
  owner_id: string | null;
  survey_id: string | null;
}

/** An improvement action (改进措施) recorded under a survey (migration 0030). */
export interface SurveyActionsTable extends SoftDeleted {
  id: string;
  survey_id: string;
  customer_id: string;
  on_date: string;
  text: string;
  done_by: string;
}
