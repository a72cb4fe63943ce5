export { CampaignBurnUpChart, burnUpInWords } from './CampaignBurnUpChart';
export type { CampaignBurnUpChartProps } from './CampaignBurnUpChart';
