import { StoredMaturityEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { checkoutApiEvents } from '../testing/checkoutApiActivity';
import { describeEvent } from './describeEvent';

describe('describeEvent', () => {
  const change = checkoutApiEvents.find(e => e.type === 'change') as Extract<
    StoredMaturityEvent,
    { type: 'change' }
  >;

  it('says a merged change was merged', () => {
    expect(
      describeEvent({ ...change, state: 'merged', directPush: false }).summary,
    ).toContain(' · merged');
  });

  it('says a commit pushed straight to the default branch was pushed, not merged', () => {
    const { kind, summary } = describeEvent({
      ...change,
      kind: 'commit',
      state: 'merged',
      directPush: true,
      targetBranch: 'main',
      title: 'hotfix: retry payment capture',
      author: 'sam.lee',
    });
    expect(kind).toBe('Commit');
    expect(summary).toBe(
      'hotfix: retry payment capture · pushed directly to main · sam.lee',
    );
    expect(
      describeEvent({
        ...change,
        directPush: true,
        targetBranch: undefined,
        title: 'x',
        author: undefined,
      }).summary,
    ).toBe('x · pushed directly');
  });

  it('tells runs of one pipeline apart by run id and commit', () => {
    const build = checkoutApiEvents.find(e => e.type === 'build') as Extract<
      StoredMaturityEvent,
      { type: 'build' }
    >;
    const { kind, summary } = describeEvent({
      ...build,
      pipeline: 'ci.yaml',
      externalId: '30433641',
      branch: 'main',
      status: 'success',
      commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
    });
    expect(kind).toBe('CI run');
    expect(summary).toBe('ci.yaml #30433641 · on main · success · 9fceb02');
  });
});
