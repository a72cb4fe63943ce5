import {
  CampaignInput,
  EntityFilter,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import {
  CampaignDayFigures,
  CampaignEntityResult,
  CampaignPageQuery,
  CampaignStore,
  StoredCampaign,
} from './CampaignStore';
import { claimNotice } from './operations/campaigns/claimNotice';
import { createCampaign } from './operations/campaigns/createCampaign';
import { deleteCampaign } from './operations/campaigns/deleteCampaign';
import { listCampaignEntities } from './operations/campaigns/listCampaignEntities';
import { listCampaignPage } from './operations/campaigns/listCampaignPage';
import { listCampaigns } from './operations/campaigns/listCampaigns';
import { listEntityResults } from './operations/campaigns/listEntityResults';
import { markCampaignFinished } from './operations/campaigns/markCampaignFinished';
import { readCampaign } from './operations/campaigns/readCampaign';
import { readCampaignDays } from './operations/campaigns/readCampaignDays';
import { readComputedDays } from './operations/campaigns/readComputedDays';
import { readFirstHistoryDayWrittenAfter } from './operations/campaigns/readFirstHistoryDayWrittenAfter';
import { readStandings } from './operations/campaigns/readStandings';
import { releaseCampaignNotice } from './operations/campaigns/releaseCampaignNotice';
import { updateCampaign } from './operations/campaigns/updateCampaign';
import { writeCampaignDay } from './operations/campaigns/writeCampaignDay';

/**
 * Campaigns, their computed days and in-scope entities, on the plugin's
 * own database.
 * @internal
 */
export class DatabaseCampaignStore implements CampaignStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  createCampaign(campaign: StoredCampaign) {
    return createCampaign(this.db, campaign);
  }

  updateCampaign(
    id: string,
    input: Required<CampaignInput>,
    by: string,
    at: Date,
  ) {
    return updateCampaign(this.db, id, input, by, at);
  }

  deleteCampaign(id: string) {
    return deleteCampaign(this.db, id);
  }

  getCampaign(id: string) {
    return readCampaign(this.db, id);
  }

  listCampaigns(filter?: { ids?: string[]; unfinished?: boolean }) {
    return listCampaigns(this.db, filter);
  }

  listCampaignPage(query: CampaignPageQuery) {
    return listCampaignPage(this.db, query);
  }

  readStandings(
    filter: EntityFilter,
    day: string,
    options: { today: boolean; ownerGroups?: string[] },
  ) {
    return readStandings(this.db, filter, day, options);
  }

  readDays(campaignId: string) {
    return readCampaignDays(this.db, campaignId);
  }

  readComputedDays(campaignId: string) {
    return readComputedDays(this.db, campaignId);
  }

  readFirstHistoryDayWrittenAfter(at: Date) {
    return readFirstHistoryDayWrittenAfter(this.db, at);
  }

  writeDay(
    campaignId: string,
    figures: CampaignDayFigures | undefined,
    entities?: CampaignEntityResult[],
    expectedUpdatedAt?: Date,
    computedAt?: Date,
    groupTreeKnown?: boolean,
  ) {
    return writeCampaignDay(
      this.db,
      campaignId,
      figures,
      entities,
      computedAt ?? this.now(),
      expectedUpdatedAt,
      groupTreeKnown,
    );
  }

  markFinished(campaignId: string, at: Date) {
    return markCampaignFinished(this.db, campaignId, at);
  }

  listCampaignEntities(
    campaignId: string,
    options: {
      meetsGoal?: boolean;
      ownerRefs?: string[];
      limit: number;
      offset: number;
    },
  ) {
    return listCampaignEntities(this.db, campaignId, options);
  }

  listEntityResults(entityRef: string) {
    return listEntityResults(this.db, entityRef);
  }

  claimNotice(
    campaignId: string,
    notice: string,
    ownerRefs: string[],
    at: Date,
  ) {
    return claimNotice(this.db, campaignId, notice, ownerRefs, at);
  }

  releaseNotice(campaignId: string, notice: string, ownerRef: string) {
    return releaseCampaignNotice(this.db, campaignId, notice, ownerRef);
  }
}
