import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses development defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ nodeEnv: 'development', port: 3000, cookieSecure: false, redisPrefix: 'hundred' });
    expect(c.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/hundred');
  });

  it('names every missing or bad value at once, one line each', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        REDIS_URL: 'http://x',
        LOG_LEVEL: 'loud',
        COOKIE_SECURE: 'maybe',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      'PORT must be a whole number from 0 to 65535, got "eighty"',
      'DATABASE_URL is missing: PostgreSQL URL, e.g. postgres://user:password@host:5432/hundred',
      'REDIS_URL must start with redis: or rediss:, got "http:"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, got "loud"',
      'COOKIE_SECURE must be true or false, got "maybe"',
      'PUBLIC_WEB_URL is missing: address users open, used in e-mails',
    ]);
    expect(error!.message.split('\n')).toHaveLength(7);
  });

  it('sends cookies Secure in production unless told otherwise', () => {
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/hundred',
      REDIS_URL: 'redis://cache:6379',
      PUBLIC_WEB_URL: 'https://hundred.gov.example',
    };
    expect(loadConfig(env).cookieSecure).toBe(true);
    expect(loadConfig({ ...env, COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('refuses a lock-out threshold not above the slow-down threshold', () => {
    expect(() => loadConfig({ SIGN_IN_SLOW_AFTER: '5', SIGN_IN_LOCK_AFTER: '5' })).toThrow(/SIGN_IN_LOCK_AFTER/);
  });

  it('trusts no proxy unless told, and takes addresses, CIDR ranges and proxy names', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback,::1,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      'loopback',
      '::1',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must list addresses or CIDR ranges/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33,*' })).toThrow(/not "10.0.0.0\/33", "\*"/);
  });

  it('bounds every request by default: rate limits, GraphQL limits and a time budget', () => {
    expect(loadConfig({})).toMatchObject({
      publicRateWindowSeconds: 60,
      publicRatePerAddress: 20,
      publicRateGlobal: 300,
      graphqlMaxDepth: 10,
      graphqlMaxAliases: 10,
      graphqlMaxTokens: 3000,
      graphqlMaxDirectives: 20,
      graphqlMaxCost: 60_000,
      requestTimeBudgetMs: 2000,
    });
    expect(() => loadConfig({ GRAPHQL_MAX_COST: '10' })).toThrow(/GRAPHQL_MAX_COST must be a whole number from 100/);
  });

  it('has short job locks, a stalled check below them, and delivery thresholds by default', () => {
    expect(loadConfig({})).toMatchObject({
      workerLockMs: 2_000,
      workerStalledCheckMs: 1_000,
      watchdogIntervalMs: 5_000,
      healthMaxOverdueDeadlines: 0,
    });
    expect(() => loadConfig({ WORKER_LOCK_MS: '2000', WORKER_STALLED_CHECK_MS: '2000' })).toThrow(
      /WORKER_STALLED_CHECK_MS must be below WORKER_LOCK_MS/,
    );
  });
});
