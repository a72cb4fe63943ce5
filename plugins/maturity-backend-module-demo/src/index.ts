/**
 * The demo source of the Maturity plugin: a backend module that writes a
 * deterministic year of invented delivery activity for every catalog
 * component, and the generator behind it (also used by the plugin's tests
 * and benchmark for realistic data).
 *
 * @packageDocumentation
 */

export { maturityModuleDemo as default } from './module';
export { maturityModuleDemo } from './module';
export { generateDemoActivity } from './generateDemoActivity';
export type { GenerateDemoActivityOptions } from './generateDemoActivity';
export type { DemoEntity } from './DemoEntity';
export { demoProfiles, demoTeamTiers, getDemoProfile } from './demoProfiles';
export type { DemoMaturityTier, DemoProfile, DemoRange } from './demoProfiles';
export { SeededRandom } from './seededRandom';
