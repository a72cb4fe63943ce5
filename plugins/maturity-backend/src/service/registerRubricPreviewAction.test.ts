import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { defaultRubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  RubricPreviewReader,
  RubricPreviewRow,
} from '../database/RubricPreviewReader';
import { registerRubricPreviewAction } from './registerRubricPreviewAction';

/** Every enabled check of the default rubric passing. */
const allPass = Object.fromEntries(
  [
    ...defaultRubric.categories.flatMap(c => c.levels.flatMap(l => l.checks)),
    ...defaultRubric.mlops.levels.flatMap(l => l.checks),
  ]
    .filter(c => c.enabled)
    .map(c => [c.id, 'pass' as const]),
);

const rows: RubricPreviewRow[] = [
  {
    entityRef: 'component:default/checkout-api',
    kind: 'component',
    ownerRef: 'group:default/checkout',
    isMl: false,
    // Every check passes: level 5 in every category.
    checkStates: allPass,
    evaluatedAt: new Date('2026-11-23T10:00:00Z'),
  },
];
const reader: RubricPreviewReader = {
  async *readPreviewRows() {
    yield rows;
  },
};

/** The required check of a level of the default rubric, and a scored one. */
function checksOfLevel(category: string, level: number) {
  const checks = defaultRubric.categories
    .find(c => c.id === category)!
    .levels.find(l => l.level === level)!
    .checks.filter(c => c.enabled);
  return {
    required: checks.find(c => c.required)!.id,
    scored: checks.find(c => !c.required)!.id,
  };
}

describe('preview-maturity-rubric action', () => {
  it('says what a proposed override does, in sentences and in full', async () => {
    const registry = actionsRegistryServiceMock();
    registerRubricPreviewAction(registry, {
      rubricPreview: reader,
      evaluator: {
        rubric: defaultRubric,
        advisoryCheckIds: async () => new Set<string>(),
      },
      permissions: mockServices.permissions(),
    });
    // Culture level 1 requires another of its checks instead.
    const { required, scored } = checksOfLevel('culture', 1);
    const { output } = await registry.invoke({
      id: 'test:preview-maturity-rubric',
      input: {
        rubric: {
          checks: {
            [required]: { required: false },
            [scored]: { required: true },
          },
        },
      },
      credentials: mockCredentials.user(),
    });
    // That check passes too, so nothing moves.
    expect(output).toMatchObject({
      summary: [],
      preview: { entitiesCompared: 1, entitiesChanged: 0 },
    });

    // Without a stored state (say, evaluated by an older rubric) the newly
    // required check is not met: culture level 1 is unmet, culture drops
    // to 0; the overall level, the median of 0, 5, 5, 5, 5, stays 5.
    const stored = { ...allPass };
    delete stored[scored];
    rows[0].checkStates = stored;
    const moved = await registry.invoke({
      id: 'test:preview-maturity-rubric',
      input: {
        rubric: {
          checks: {
            [required]: { required: false },
            [scored]: { required: true },
          },
        },
      },
      credentials: mockCredentials.user(),
    });
    expect(moved.output).toMatchObject({
      summary: ['1 component drops from 5 to 0 in culture'],
      preview: {
        entitiesChanged: 1,
        entities: {
          items: [
            {
              entityRef: 'component:default/checkout-api',
              changes: [{ scope: 'culture', from: 5, to: 0 }],
            },
          ],
        },
      },
    });
  });

  it('refuses callers without the preview permission and bad overrides', async () => {
    const denied = actionsRegistryServiceMock();
    registerRubricPreviewAction(denied, {
      rubricPreview: reader,
      evaluator: {
        rubric: defaultRubric,
        advisoryCheckIds: async () => new Set<string>(),
      },
      permissions: mockServices.permissions.mock({
        authorize: async () => [{ result: AuthorizeResult.DENY }],
      }),
    });
    await expect(
      denied.invoke({
        id: 'test:preview-maturity-rubric',
        input: { rubric: {} },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/maturity\.rubric\.preview/);

    const allowed = actionsRegistryServiceMock();
    registerRubricPreviewAction(allowed, {
      rubricPreview: reader,
      evaluator: {
        rubric: defaultRubric,
        advisoryCheckIds: async () => new Set<string>(),
      },
      permissions: mockServices.permissions(),
    });
    await expect(
      allowed.invoke({
        id: 'test:preview-maturity-rubric',
        input: { rubric: { checks: { 'no.such': {} } } },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/^rubric\.checks\.no\.such: unknown check id/);
  });
});
