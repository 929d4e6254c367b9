import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig, type Config } from './config';

const productionKey = 'a1'.repeat(32);

describe('loadConfig defaults', () => {
  it('an empty environment gives the documented defaults', () => {
    expect(loadConfig({})).toEqual<Config>({
      env: 'development',
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: './data',
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
      seedDemoData: true,
      secureCookies: false,
      smtp: undefined,
      mailFrom: 'Industry In West <no-reply@industryinwest.example>',
      mailboxDir: 'data/mailbox',
      shutdownDrainMs: 2000,
      adminEmail: undefined,
      jobsEnabled: true,
      secondFactorKey: expect.any(Buffer),
      secondFactorKeys: [expect.any(Buffer)],
      trustProxy: undefined,
      metricsToken: undefined,
    });
  });

  it('outside production, TOTP secrets are sealed with a fixed 32-byte development key', () => {
    expect(loadConfig({}).secondFactorKey).toHaveLength(32);
    expect(loadConfig({ NODE_ENV: 'test' }).secondFactorKey).toEqual(loadConfig({}).secondFactorKey);
  });
});

describe('loadConfig reads the environment', () => {
  const cases: { sentence: string; env: Record<string, string | undefined>; expected: Partial<Config> }[] = [
    {
      sentence: 'JOBS_ENABLED=false turns the job runner off',
      env: { JOBS_ENABLED: 'false' },
      expected: { jobsEnabled: false },
    },
    {
      sentence: 'PORT is read as a number',
      env: { PORT: '8080' },
      expected: { port: 8080, publicUrl: 'http://localhost:8080' },
    },
    {
      sentence: 'a postgres:// DATABASE_URL is accepted',
      env: { DATABASE_URL: 'postgres://app@db/app' },
      expected: { databaseUrl: 'postgres://app@db/app' },
    },
    {
      sentence: 'a postgresql:// DATABASE_URL is accepted',
      env: { DATABASE_URL: 'postgresql://app@db/app' },
      expected: { databaseUrl: 'postgresql://app@db/app' },
    },
    {
      sentence: 'DATA_DIR overrides the data directory',
      env: { DATA_DIR: '/var/lib/iiw' },
      expected: { dataDir: '/var/lib/iiw' },
    },
    {
      sentence: 'PUBLIC_URL loses its trailing slash',
      env: { PUBLIC_URL: 'https://iiw.example/' },
      expected: { publicUrl: 'https://iiw.example' },
    },
    {
      sentence: 'SMTP_HOST alone gives an SMTP configuration on port 587 without TLS',
      env: { SMTP_HOST: 'smtp.example' },
      expected: { smtp: { host: 'smtp.example', port: 587, secure: false, user: undefined, password: undefined } },
    },
    {
      sentence: 'SMTP_HOST with port, TLS and credentials gives the full SMTP configuration',
      env: {
        SMTP_HOST: 'smtp.example',
        SMTP_PORT: '465',
        SMTP_SECURE: 'true',
        SMTP_USER: 'iiw',
        SMTP_PASSWORD: 's3cret',
      },
      expected: { smtp: { host: 'smtp.example', port: 465, secure: true, user: 'iiw', password: 's3cret' } },
    },
    {
      sentence: 'SMTP settings without SMTP_HOST give no SMTP configuration',
      env: { SMTP_PORT: '465', SMTP_USER: 'iiw' },
      expected: { smtp: undefined },
    },
    {
      sentence: 'SEED_DEMO_DATA=0 switches the demo data off',
      env: { SEED_DEMO_DATA: '0' },
      expected: { seedDemoData: false },
    },
    {
      sentence: 'SEED_DEMO_DATA=false switches the demo data off',
      env: { SEED_DEMO_DATA: 'false' },
      expected: { seedDemoData: false },
    },
    {
      sentence: 'production seeds no demo data unless asked (its credentials are published)',
      env: { NODE_ENV: 'production', SECOND_FACTOR_KEY: productionKey },
      expected: { seedDemoData: false },
    },
    {
      sentence: 'production seeds demo data when SEED_DEMO_DATA=true asks for it (a demo site)',
      env: { NODE_ENV: 'production', SECOND_FACTOR_KEY: productionKey, SEED_DEMO_DATA: 'true' },
      expected: { seedDemoData: true },
    },
    {
      sentence: 'production writes no mailbox files unless MAILBOX_DIR asks for it (they hold live one-time links)',
      env: { NODE_ENV: 'production', SECOND_FACTOR_KEY: productionKey },
      expected: { mailboxDir: undefined },
    },
    {
      sentence: 'MAILBOX_DIR names where e-mail goes without SMTP',
      env: { MAILBOX_DIR: '/tmp/post' },
      expected: { mailboxDir: '/tmp/post' },
    },
    {
      sentence: 'production uses secure cookies',
      env: { NODE_ENV: 'production', SECOND_FACTOR_KEY: productionKey },
      expected: { env: 'production', secureCookies: true },
    },
    {
      sentence: 'SECOND_FACTOR_KEY is read as 32 bytes of hex',
      env: { SECOND_FACTOR_KEY: productionKey },
      expected: {
        secondFactorKey: Buffer.from(productionKey, 'hex'),
        secondFactorKeys: [Buffer.from(productionKey, 'hex')],
      },
    },
    {
      sentence: 'SECOND_FACTOR_KEY_PREVIOUS opens what the key before sealed, after the current one',
      env: { SECOND_FACTOR_KEY: productionKey, SECOND_FACTOR_KEY_PREVIOUS: 'a'.repeat(64) },
      expected: {
        secondFactorKey: Buffer.from(productionKey, 'hex'),
        secondFactorKeys: [Buffer.from(productionKey, 'hex'), Buffer.from('a'.repeat(64), 'hex')],
      },
    },
    {
      sentence: 'METRICS_TOKEN opens GET /metrics to that bearer token',
      env: { METRICS_TOKEN: 'f'.repeat(64) },
      expected: { metricsToken: 'f'.repeat(64) },
    },
    {
      sentence: 'test does not use secure cookies',
      env: { NODE_ENV: 'test' },
      expected: { env: 'test', secureCookies: false },
    },
    {
      sentence: 'SECURE_COOKIES=false overrides production (TLS terminated elsewhere is not assumed)',
      env: { NODE_ENV: 'production', SECURE_COOKIES: 'false', SECOND_FACTOR_KEY: productionKey },
      expected: { secureCookies: false },
    },
    {
      sentence: 'SECURE_COOKIES=1 switches secure cookies on in development',
      env: { SECURE_COOKIES: '1' },
      expected: { secureCookies: true },
    },
    { sentence: 'an empty PORT is treated as unset', env: { PORT: '' }, expected: { port: 3000 } },
    {
      sentence: 'an empty DATABASE_URL is treated as unset',
      env: { DATABASE_URL: '' },
      expected: { databaseUrl: undefined },
    },
    { sentence: 'an empty SMTP_HOST is treated as unset', env: { SMTP_HOST: '' }, expected: { smtp: undefined } },
    { sentence: 'an empty DATA_DIR is treated as unset', env: { DATA_DIR: '' }, expected: { dataDir: './data' } },
    { sentence: 'an empty NODE_ENV is treated as unset', env: { NODE_ENV: '' }, expected: { env: 'development' } },
    { sentence: 'an undefined variable is treated as unset', env: { PORT: undefined }, expected: { port: 3000 } },
    {
      sentence: 'unrelated variables are ignored',
      env: { PATH: '/usr/bin', HOME: '/root' },
      expected: { port: 3000 },
    },
  ];

  it.each(cases)('$sentence', ({ env, expected }) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });
});

describe('loadConfig refuses a bad environment', () => {
  const cases: { sentence: string; env: Record<string, string>; named: string[] }[] = [
    { sentence: 'a PORT that is not a number is named', env: { PORT: 'abc' }, named: ['PORT'] },
    { sentence: 'a PORT out of range is named', env: { PORT: '70000' }, named: ['PORT'] },
    { sentence: 'a fractional PORT is named', env: { PORT: '80.5' }, named: ['PORT'] },
    { sentence: 'a MySQL DATABASE_URL is named', env: { DATABASE_URL: 'mysql://x' }, named: ['DATABASE_URL'] },
    { sentence: 'an unknown NODE_ENV is named', env: { NODE_ENV: 'staging' }, named: ['NODE_ENV'] },
    { sentence: 'a PUBLIC_URL that is not a URL is named', env: { PUBLIC_URL: 'iiw.example' }, named: ['PUBLIC_URL'] },
    { sentence: 'a boolean written "yes" is named', env: { SEED_DEMO_DATA: 'yes' }, named: ['SEED_DEMO_DATA'] },
    { sentence: 'an unknown LOG_LEVEL is named', env: { LOG_LEVEL: 'verbose' }, named: ['LOG_LEVEL'] },
    {
      sentence: 'production without a SECOND_FACTOR_KEY is named',
      env: { NODE_ENV: 'production' },
      named: ['SECOND_FACTOR_KEY'],
    },
    {
      sentence: 'a SECOND_FACTOR_KEY that is not 32 bytes in hex is named',
      env: { SECOND_FACTOR_KEY: 'not-a-key' },
      named: ['SECOND_FACTOR_KEY'],
    },
    {
      sentence: 'a METRICS_TOKEN shorter than 32 characters is named',
      env: { METRICS_TOKEN: 'kort-token' },
      named: ['METRICS_TOKEN'],
    },
    {
      sentence: 'a METRICS_TOKEN with a space is named',
      env: { METRICS_TOKEN: `${'a'.repeat(20)} ${'b'.repeat(20)}` },
      named: ['METRICS_TOKEN'],
    },
    {
      sentence: 'every bad variable is named at once',
      env: { PORT: 'abc', DATABASE_URL: 'mysql://x' },
      named: ['PORT', 'DATABASE_URL'],
    },
  ];

  it.each(cases)('$sentence', ({ env, named }) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    for (const name of named) expect((thrown as ConfigError).message).toContain(name);
  });

  it('the message for a bad DATABASE_URL says which schemes are accepted', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\/ or postgresql:\/\//);
  });
});
