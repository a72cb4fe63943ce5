export { RollupMlopsLevels } from './RollupMlopsLevels';
export type { RollupMlopsLevelsProps } from './RollupMlopsLevels';
