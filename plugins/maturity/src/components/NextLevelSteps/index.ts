export { NextLevelSteps } from './NextLevelSteps';
export type { NextLevelStepsProps } from './NextLevelSteps';
