export {
  EntityCampaigns,
  hasEntityCampaigns,
  useEntityCampaigns,
} from './EntityCampaigns';
export type { EntityCampaignsProps } from './EntityCampaigns';
