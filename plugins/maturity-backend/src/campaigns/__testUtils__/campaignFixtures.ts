import {
  CATEGORY_IDS,
  CategoryId,
  MaturityLevel,
  Rubric,
  RubricCheck,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { CampaignStanding, StoredCampaign } from '../../database/CampaignStore';

function check(
  category: CategoryId | 'mlops',
  level: MaturityLevel,
  slug: string,
  required = false,
): RubricCheck {
  return {
    id: `${category}.${level}.${slug}`,
    title: `${category} level ${level} ${slug}`,
    category,
    level,
    required,
    source: 'heuristic',
    howToFix: `Fix ${slug}.`,
    enabled: true,
    rule: { kind: 'not-measured', reason: 'test' },
  };
}

/**
 * A small rubric: `test` and `build-deploy` have two checks on each of
 * levels 1 to 3, the other categories none; MLOps has two checks on each
 * of its levels 1 and 2.
 */
export const campaignRubric: Rubric = {
  version: 'test-1',
  categories: CATEGORY_IDS.map(id => ({
    id,
    title: `${id} title`,
    levels:
      id === 'test' || id === 'build-deploy'
        ? ([1, 2, 3] as MaturityLevel[]).map(level => ({
            level,
            checks: [check(id, level, 'a', true), check(id, level, 'b')],
          }))
        : [],
  })),
  mlops: {
    appliesTo: { types: ['ml-model'], tags: [] },
    levels: ([1, 2] as MaturityLevel[]).map(level => ({
      level,
      checks: [check('mlops', level, 'a', true), check('mlops', level, 'b')],
    })),
  },
};

const levels = (level: number) =>
  Object.fromEntries(CATEGORY_IDS.map(c => [c, level])) as Record<
    CategoryId,
    number
  >;

/** A standing with every category at `level`, not ML, no checks. */
export function standing(
  entity: string,
  overrides: Partial<CampaignStanding> = {},
  level = 1,
): CampaignStanding {
  return {
    entityRef: `component:default/${entity}`,
    title: entity,
    ownerRef: 'group:default/team-a',
    overallLevel: level,
    categoryLevels: levels(level),
    mlopsLevel: null,
    checkStates: {},
    waivedCheckStates: {},
    ...overrides,
  };
}

/** A stored campaign from 2026-12-01 to 2026-12-31 on the check `test.1.a`. */
export function campaign(
  overrides: Partial<StoredCampaign> = {},
): StoredCampaign {
  return {
    id: 'c1',
    title: 'Tests everywhere',
    description: '',
    ownerRef: 'group:default/platform',
    scope: {},
    goal: { type: 'checks', checkIds: ['test.1.a'] },
    allowExemptions: false,
    startsOn: '2026-12-01',
    deadline: '2026-12-31',
    milestones: [],
    reminderDaysBefore: [14, 3],
    createdBy: 'user:default/ada',
    createdAt: new Date('2026-11-20T00:00:00Z'),
    updatedBy: 'user:default/ada',
    updatedAt: new Date('2026-11-20T00:00:00Z'),
    ...overrides,
  };
}
