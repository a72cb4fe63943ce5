import { PagerDutyChangeEvent } from '../api/types';
import relatedChangeEvents from '../__fixtures__/relatedChangeEvents.json';
import { changeEventCommitShas } from './changeEventCommitShas';

const SHA = '9fceb02d0ae598e95dc970b74767f19372d61af8';
const changeEvent = (
  fields: Partial<PagerDutyChangeEvent>,
): PagerDutyChangeEvent => ({
  id: '01DVQRN5FDOU7JAT2DWYFY5NJ8',
  type: 'change_event',
  summary: 'Deploy checkout-api',
  timestamp: '2026-11-20T14:06:40Z',
  links: [],
  custom_details: {},
  ...fields,
});

describe('changeEventCommitShas', () => {
  it('reads custom_details commits and commit links of the fixture', () => {
    expect(
      changeEventCommitShas(
        relatedChangeEvents.change_events as PagerDutyChangeEvent[],
      ),
    ).toEqual([SHA, '3a1c5e7f9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a']);
  });

  it.each([
    ['commit', { commit: SHA }],
    ['sha', { sha: SHA }],
    ['commit_sha, upper-cased', { commit_sha: SHA.toUpperCase() }],
    ['Git SHA', { 'Git SHA': ` ${SHA} ` }],
    ['a nested commit', { build: { commit: { sha: SHA } } }],
    ['a list of commits', { commits: [SHA] }],
  ])('names the commit of %s', (_name, custom_details) => {
    expect(changeEventCommitShas([changeEvent({ custom_details })])).toEqual([
      SHA,
    ]);
  });

  it.each([
    ['GitHub', `https://github.com/acme/shop/commit/${SHA}`],
    ['GitLab', `https://gitlab.com/acme/shop/-/commit/${SHA}?view=parallel`],
    ['Bitbucket', `https://bitbucket.org/acme/shop/commits/${SHA}`],
  ])('names the commit of a %s commit link', (_name, href) => {
    expect(changeEventCommitShas([changeEvent({ links: [{ href }] })])).toEqual(
      [SHA],
    );
  });

  it('ignores abbreviated SHAs, other keys and links that are not commits', () => {
    expect(
      changeEventCommitShas([
        changeEvent({
          custom_details: {
            commit: '9fceb02',
            build_id: SHA,
            environment: 'production',
          },
          links: [
            { href: 'https://github.com/acme/shop/actions/runs/1842' },
            { href: `https://github.com/acme/shop/compare/v1...${SHA}` },
          ],
        }),
      ]),
    ).toEqual([]);
  });

  it('names each commit once', () => {
    expect(
      changeEventCommitShas([
        changeEvent({
          custom_details: { commit: SHA },
          links: [{ href: `https://github.com/acme/shop/commit/${SHA}` }],
        }),
        changeEvent({ id: 'other', custom_details: { sha: SHA } }),
      ]),
    ).toEqual([SHA]);
  });
});
