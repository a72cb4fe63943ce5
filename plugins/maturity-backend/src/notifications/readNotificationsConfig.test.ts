import { ConfigReader } from '@backstage/config';
import { readNotificationsConfig } from './readNotificationsConfig';

describe('readNotificationsConfig', () => {
  it('sends by default, to the owner as decider', () => {
    expect(readNotificationsConfig(new ConfigReader({}))).toEqual({
      enabled: true,
      exemptionDeciders: [],
    });
  });

  it('reads the switch and the deciders, bare names being groups', () => {
    const config = readNotificationsConfig(
      new ConfigReader({
        maturity: {
          notifications: {
            enabled: false,
            exemptionDeciders: ['platform-team', 'user:default/ada'],
          },
        },
      }),
    );
    expect(config).toEqual({
      enabled: false,
      exemptionDeciders: ['group:default/platform-team', 'user:default/ada'],
    });
  });

  it('names the decider that is not an entity ref', () => {
    expect(() =>
      readNotificationsConfig(
        new ConfigReader({
          maturity: {
            notifications: { exemptionDeciders: ['group:default/ok', ':'] },
          },
        }),
      ),
    ).toThrow('maturity.notifications.exemptionDeciders[1]');
  });
});
