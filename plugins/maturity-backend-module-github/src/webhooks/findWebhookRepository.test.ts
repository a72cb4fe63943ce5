import { repository } from '../__testUtils__/githubApi';
import { findWebhookRepository } from './findWebhookRepository';

const ghe = {
  ...repository,
  host: 'ghe.example.com',
  owner: 'Finance',
  repo: 'Ledger',
  apiBaseUrl: 'https://ghe.example.com/api/v3',
  url: 'https://ghe.example.com/Finance/Ledger',
  scope: 'ghe.example.com/finance/ledger',
};
const map = new Map([
  [repository.scope, repository],
  [ghe.scope, ghe],
]);
const delivered = (fullName: string, htmlUrl: string) => ({
  full_name: fullName,
  html_url: htmlUrl,
  default_branch: 'main',
});

describe('findWebhookRepository', () => {
  it('finds github.com repositories by name, case-insensitively', () => {
    expect(
      findWebhookRepository(
        map,
        delivered('Acme/Shop', 'https://github.com/Acme/Shop'),
      ),
    ).toBe(repository);
  });

  it('finds GitHub Enterprise repositories by host and name', () => {
    expect(
      findWebhookRepository(
        map,
        delivered('finance/ledger', 'https://ghe.example.com/finance/ledger'),
      ),
    ).toBe(ghe);
    expect(
      findWebhookRepository(
        map,
        delivered('finance/ledger', 'https://github.com/finance/ledger'),
      ),
    ).toBeUndefined();
  });

  it('finds nothing for other repositories or a broken URL', () => {
    expect(
      findWebhookRepository(
        map,
        delivered('acme/other', 'https://github.com/acme/other'),
      ),
    ).toBeUndefined();
    expect(
      findWebhookRepository(map, delivered('acme/shop', 'not a url')),
    ).toBeUndefined();
  });
});
