import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { requireGithubCredentials } from './requireGithubCredentials';

const integrationsOf = (github: unknown[]) =>
  ScmIntegrations.fromConfig(
    new ConfigReader({ integrations: { github } } as any),
  );

describe('requireGithubCredentials', () => {
  it('fails naming integrations.github when no host has a token or App', () => {
    for (const github of [
      [],
      [{ host: 'github.com' }],
      [
        {
          host: 'ghe.example.com',
          apiBaseUrl: 'https://ghe.example.com/api/v3',
        },
      ],
    ]) {
      expect(() => requireGithubCredentials(integrationsOf(github))).toThrow(
        'maturity.sources.github is configured, but integrations.github has no token or GitHub App for any host',
      );
    }
  });

  it('accepts a token or a GitHub App on any host', () => {
    expect(() =>
      requireGithubCredentials(
        integrationsOf([{ host: 'ghe.example.com', token: 'ghe_test' }]),
      ),
    ).not.toThrow();
    expect(() =>
      requireGithubCredentials(
        integrationsOf([
          {
            host: 'github.com',
            apps: [
              {
                appId: 1,
                clientId: 'Iv1.0123456789abcdef',
                clientSecret: 'secret',
                webhookSecret: 'secret',
                privateKey:
                  '-----BEGIN RSA PRIVATE KEY-----\nMII\n-----END RSA PRIVATE KEY-----\n',
              },
            ],
          },
        ]),
      ),
    ).not.toThrow();
  });
});
