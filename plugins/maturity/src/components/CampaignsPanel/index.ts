export { CampaignsPanel } from './CampaignsPanel';
export { campaignSearch, CAMPAIGNS_VIEW } from './campaignSearch';
