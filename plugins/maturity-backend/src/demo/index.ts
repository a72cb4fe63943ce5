/**
 * Demo activity: a deterministic history of raw events for a demo catalog,
 * shaped by each owning team's maturity profile.
 */

export { generateDemoActivity } from './generateDemoActivity';
export type { GenerateDemoActivityOptions } from './generateDemoActivity';
export type { DemoEntity } from './DemoEntity';
export { demoProfiles, demoTeamTiers, getDemoProfile } from './demoProfiles';
export type { DemoMaturityTier, DemoProfile, DemoRange } from './demoProfiles';
