export { CampaignDialog, describeCampaignError } from './CampaignDialog';
export type { CampaignDialogProps } from './CampaignDialog';
