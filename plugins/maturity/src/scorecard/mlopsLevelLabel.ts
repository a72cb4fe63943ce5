import { MlopsResult } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** Google's names of its MLOps levels (docs/scoring.md, MLOps track). */
export const MLOPS_LEVEL_NAMES: Record<MlopsResult['level'], string> = {
  0: 'Manual process',
  1: 'ML pipeline automation',
  2: 'CI/CD pipeline automation',
};

/** `1 · ML pipeline automation`; a level without a name stays a number. */
export function mlopsLevelLabel(level: number): string {
  const name = MLOPS_LEVEL_NAMES[level as MlopsResult['level']];
  return name ? `${level} · ${name}` : String(level);
}
