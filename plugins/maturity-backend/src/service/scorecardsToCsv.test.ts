import { ScorecardSummary } from '../database/ScorecardStore';
import { scorecardsToCsv } from './scorecardsToCsv';

const summary = (overrides: Partial<ScorecardSummary>): ScorecardSummary => ({
  entityRef: 'component:default/checkout-api',
  kind: 'component',
  type: 'service',
  lifecycle: 'production',
  ownerRef: 'group:default/checkout',
  systemRef: 'system:default/shop',
  domainRef: undefined,
  title: 'Checkout API',
  overallLevel: 2,
  categoryLevels: {
    culture: 2,
    design: 3,
    'build-deploy': 2,
    test: 1,
    information: 2,
  },
  deliveryBand: 'high',
  imbalanced: true,
  mlopsLevel: null,
  rubricVersion: '2026.11-abc',
  evaluatedAt: '2026-11-23T12:00:00.000Z',
  checkStates: {},
  ...overrides,
});

describe('scorecardsToCsv', () => {
  it('writes a header and one RFC 4180 row per scorecard', () => {
    const csv = scorecardsToCsv([
      summary({}),
      summary({
        entityRef: 'component:default/legacy',
        title: 'Legacy, "the old one"\nstill running',
        deliveryBand: null,
        imbalanced: false,
      }),
      summary({
        entityRef: 'component:default/churn-training',
        title: 'Churn training',
        type: 'ml-pipeline',
        mlopsLevel: 0,
      }),
      summary({
        entityRef: 'component:default/ranking-model',
        title: 'Ranking model',
        type: 'ml-model',
        mlopsLevel: 2,
      }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'entityRef,title,kind,type,lifecycle,owner,system,domain,overallLevel,culture,design,build-deploy,test,information,deliveryBand,imbalanced,mlopsLevel,rubricVersion,evaluatedAt,overallLevelWithoutWaivers,waivedChecks',
      'component:default/checkout-api,Checkout API,component,service,production,group:default/checkout,system:default/shop,,2,2,3,2,1,2,high,true,,2026.11-abc,2026-11-23T12:00:00.000Z,,',
      'component:default/legacy,"Legacy, ""the old one""\nstill running",component,service,production,group:default/checkout,system:default/shop,,2,2,3,2,1,2,,false,,2026.11-abc,2026-11-23T12:00:00.000Z,,',
      // An ML entity's MLOps level, 0 included; empty for the others.
      'component:default/churn-training,Churn training,component,ml-pipeline,production,group:default/checkout,system:default/shop,,2,2,3,2,1,2,high,true,0,2026.11-abc,2026-11-23T12:00:00.000Z,,',
      'component:default/ranking-model,Ranking model,component,ml-model,production,group:default/checkout,system:default/shop,,2,2,3,2,1,2,high,true,2,2026.11-abc,2026-11-23T12:00:00.000Z,,',
      '',
    ]);
  });

  it('gives the level without waivers and counts the checks met only through a waiver', () => {
    const [, waived, plain] = scorecardsToCsv([
      summary({
        checkStates: {
          'culture.1.owner-is-group': 'exempt',
          'test.1.tests': 'exempt',
          'design.1.type-and-lifecycle': 'exempt',
          'build-deploy.1.ci': 'fail',
        },
        // The test check would pass anyway: no waiver.
        waivedCheckStates: {
          'culture.1.owner-is-group': 'fail',
          'test.1.tests': 'pass',
          'design.1.type-and-lifecycle': 'insufficient-data',
        },
        levelsWithoutWaivers: {
          overallLevel: 0,
          categoryLevels: {
            culture: 0,
            design: 0,
            'build-deploy': 2,
            test: 1,
            information: 2,
          },
        },
      }),
      summary({
        waivedCheckStates: {},
        levelsWithoutWaivers: {
          overallLevel: 2,
          categoryLevels: summary({}).categoryLevels,
        },
      }),
    ]).split('\r\n');
    expect(waived.split(',').slice(-2)).toEqual(['0', '2']);
    expect(plain.split(',').slice(-2)).toEqual(['2', '0']);
  });

  it('never lets a spreadsheet run a value as a formula', () => {
    for (const title of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)']) {
      const [, row] = scorecardsToCsv([summary({ title })]).split('\r\n');
      const cell = row.split(',')[1];
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    }
  });

  it('neutralises a formula behind leading whitespace, invisible characters or fullwidth forms', () => {
    const hostile = [
      ' =1+1',
      '\t=1+1',
      '\uFEFF=1+1',
      '\u00A0@SUM(A1)',
      '\u200B+1',
      '\u2060-1',
      '\u200E=1',
      ' \u3000 =1',
      '\uFF1DHYPERLINK("x")',
      '\uFF0B1',
      '\uFF0D1',
      '\uFF20SUM(A1)',
      ' \uFF1D1',
      '\r=1',
    ];
    for (const title of hostile) {
      const [, row] = scorecardsToCsv([summary({ title })]).split('\r\n');
      const cell = row.slice(row.indexOf(',') + 1);
      expect([title, cell.replace(/^"/, '').startsWith("'")]).toEqual([
        title,
        true,
      ]);
    }
  });

  it('leaves ordinary values as they are', () => {
    for (const title of [
      'Checkout API',
      ' padded',
      'a=b',
      'x-y',
      '\uFEFFBOM text',
    ]) {
      const [, row] = scorecardsToCsv([summary({ title })]).split('\r\n');
      expect(row.split(',')[1]).toBe(title);
    }
  });
});
