import { demoColleagueAuthenticator } from './demoColleagueSignIn';

describe('demoColleagueAuthenticator', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  const authenticate = () =>
    demoColleagueAuthenticator.authenticate(
      { req: {} as any },
      demoColleagueAuthenticator.initialize({} as any),
    );

  it('signs in only in a development environment', async () => {
    process.env.NODE_ENV = 'development';
    await expect(authenticate()).resolves.toEqual({ result: {} });
  });

  it('refuses elsewhere, like the guest provider', async () => {
    process.env.NODE_ENV = 'production';
    await expect(authenticate()).rejects.toThrow(
      'The demo colleague sign-in works only in a development environment',
    );
  });
});
