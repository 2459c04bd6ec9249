import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';

/**
 * Configuration read from the environment once, at start-up, and validated as a whole: every
 * missing or bad value gets its own line in one error, so an operator fixes them in one go.
 */
export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  databaseUrl: string;
  /** HTTP API processes (Node's cluster module): one per core (at most 8) with "auto"; 1 runs no cluster. */
  apiProcesses: number;
  /** Connections of each process's PostgreSQL pool. */
  databasePoolMax: number;
  /** How long a query waits for a free connection of the pool before it fails. */
  databaseConnectTimeoutMs: number;
  redisUrl: string;
  /** Prefix of every BullMQ key; tests use one of their own. */
  redisPrefix: string;
  logLevel: LogLevel;
  sessionTtlHours: number;
  cookieSecure: boolean;
  publicWebUrl: string;
  shutdownTimeoutMs: number;
  /** Sign-in throttling: failures before each further attempt is delayed, and before lock-out. */
  signInSlowAfter: number;
  signInLockAfter: number;
  signInLockMinutes: number;
  /** Argon2id cost; tests lower it to keep the suite fast. */
  argon2MemoryKib: number;
  /** The office may move the clock forward (demos and tests only; refused in production). */
  clockControl: boolean;
  /** SMTP server for e-mail (smtp://user:pass@host:port); none: e-mails are not sent. */
  smtpUrl: string | null;
  mailFrom: string;
  /**
   * How long a worker holds a job before it counts as stalled and runs again elsewhere (renewed
   * every half of it while the job runs), and how often each worker looks for stalled jobs. A
   * killed worker's jobs run again within about their sum (CONTRIBUTING.md, "Deadlines and delivery").
   */
  workerLockMs: number;
  workerStalledCheckMs: number;
  /** How often a worker checks that Redis still has its job schedulers (the delivery watchdog). */
  watchdogIntervalMs: number;
  /** A producer's Redis command (adding jobs, the reconciler's look-ups) fails after this long. */
  redisCommandTimeoutMs: number;
  /** `/health` says `degraded` when a delivery figure is over its threshold. */
  healthMaxPendingDeadlines: number;
  healthMaxOverdueDeadlines: number;
  healthMaxOutboxBacklog: number;
  healthMaxFailedJobs: number;
  /** Concurrency of the deadline worker. */
  deadlineConcurrency: number;
  /**
   * The proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or `loopback`,
   * `linklocal`, `uniquelocal`); none by default, so the client's address is the socket's.
   */
  trustProxy: string[];
  /** Public mutations (sign-in, sign-out): how many per window from one client address, and from all. */
  publicRateWindowSeconds: number;
  publicRatePerAddress: number;
  publicRateGlobal: number;
  /** Limits of one GraphQL request, checked before it runs. */
  graphqlMaxDepth: number;
  graphqlMaxAliases: number;
  graphqlMaxTokens: number;
  graphqlMaxDirectives: number;
  graphqlMaxCost: number;
  /** Server time one GraphQL request may take; past it, no further resolver runs. */
  requestTimeBudgetMs: number;
  /** The Chromium the worker prints PDF exports with (never downloaded). */
  chromiumPath: string;
  /** Longest time Chromium may take to print one export. */
  exportRenderTimeoutMs: number;
  /** Exports (and their files) are deleted this many days after they were finished. */
  exportRetentionDays: number;
  /**
   * Benchmarks only (`npm run bench:api`): every HTTP answer carries the number of SQL statements
   * the process has sent so far (`x-hundred-statements`). Off by default.
   */
  benchStatementsHeader: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

interface Field<T> {
  /** Parse a present value; return an error message for a bad one. */
  parse: (raw: string) => T | { error: string };
  /** Used when the variable is absent; omit to make it required. A function sees the node env. */
  fallback?: T | ((nodeEnv: NodeEnv) => T | undefined);
  describe: string;
}

const int =
  (min: number, max: number) =>
  (raw: string): number | { error: string } => {
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max
      ? n
      : { error: `must be a whole number from ${min} to ${max}, got "${raw}"` };
  };

const url =
  (protocols: string[]) =>
  (raw: string): string | { error: string } => {
    try {
      const u = new URL(raw);
      return protocols.includes(u.protocol)
        ? raw
        : { error: `must start with ${protocols.join(' or ')}, got "${u.protocol}"` };
    } catch {
      return { error: `is not a valid URL: "${raw}"` };
    }
  };

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string): T | { error: string } =>
    (values as readonly string[]).includes(raw)
      ? (raw as T)
      : { error: `must be one of ${values.join(', ')}, got "${raw}"` };

const bool = (raw: string): boolean | { error: string } =>
  ['true', '1', 'yes'].includes(raw)
    ? true
    : ['false', '0', 'no'].includes(raw)
      ? false
      : { error: `must be true or false, got "${raw}"` };

/** Proxy names that proxy-addr knows: 127.0.0.1/8 and ::1; 169.254.0.0/16 and fe80::/10; private ranges. */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

const proxies = (raw: string): string[] | { error: string } => {
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = entries.filter((entry) => {
    if (PROXY_NAMES.includes(entry)) return false;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || rest.length > 0) return true;
    if (prefix === undefined) return false;
    const bits = Number(prefix);
    return !/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128);
  });
  return bad.length
    ? {
        error: `must list addresses or CIDR ranges (or ${PROXY_NAMES.join(', ')}), comma-separated; not ${bad.map((b) => `"${b}"`).join(', ')}`,
      }
    : entries;
};

const devOnly =
  <T>(value: T) =>
  (nodeEnv: NodeEnv): T | undefined =>
    nodeEnv === 'production' ? undefined : value;

const fields: { [K in keyof Omit<AppConfig, 'nodeEnv'>]: [string, Field<AppConfig[K]>] } = {
  host: ['HOST', { parse: (s) => s, fallback: '127.0.0.1', describe: 'interface to listen on' }],
  port: ['PORT', { parse: int(0, 65535), fallback: 3000, describe: 'HTTP port of the API' }],
  databaseUrl: [
    'DATABASE_URL',
    {
      parse: url(['postgres:', 'postgresql:']),
      fallback: devOnly('postgres://postgres@127.0.0.1:5432/hundred'),
      describe: 'PostgreSQL URL, e.g. postgres://user:password@host:5432/hundred',
    },
  ],
  apiProcesses: [
    'API_PROCESSES',
    {
      parse: (raw) => (raw === 'auto' ? Math.min(availableParallelism(), 8) : int(1, 64)(raw)),
      fallback: 1,
      describe: 'HTTP API processes sharing the port, "auto" for one per core up to 8 (the worker stays apart)',
    },
  ],
  databasePoolMax: [
    'DATABASE_POOL_MAX',
    { parse: int(1, 500), fallback: 20, describe: "connections of each process's PostgreSQL pool" },
  ],
  databaseConnectTimeoutMs: [
    'DATABASE_CONNECT_TIMEOUT_MS',
    {
      parse: int(100, 600_000),
      fallback: 10_000,
      describe: 'ms a query waits for a free connection of the pool before it fails',
    },
  ],
  redisUrl: [
    'REDIS_URL',
    {
      parse: url(['redis:', 'rediss:']),
      fallback: devOnly('redis://127.0.0.1:6379/0'),
      describe: 'Redis URL, e.g. redis://host:6379/0',
    },
  ],
  redisPrefix: [
    'REDIS_PREFIX',
    {
      parse: (s) =>
        /^[A-Za-z0-9_{}-]{1,64}$/.test(s) ? s : { error: `must be 1-64 letters, digits, _ - { }, got "${s}"` },
      fallback: 'hundred',
      describe: 'prefix of the job queues in Redis',
    },
  ],
  logLevel: [
    'LOG_LEVEL',
    {
      parse: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const),
      fallback: 'info',
      describe: 'log level',
    },
  ],
  sessionTtlHours: [
    'SESSION_TTL_HOURS',
    { parse: int(1, 24 * 30), fallback: 12, describe: 'session lifetime in hours' },
  ],
  cookieSecure: [
    'COOKIE_SECURE',
    { parse: bool, fallback: (env) => env === 'production', describe: 'send the session cookie over HTTPS only' },
  ],
  publicWebUrl: [
    'PUBLIC_WEB_URL',
    {
      parse: url(['http:', 'https:']),
      fallback: devOnly('http://localhost:5173'),
      describe: 'address users open, used in e-mails',
    },
  ],
  shutdownTimeoutMs: [
    'SHUTDOWN_TIMEOUT_MS',
    { parse: int(100, 120_000), fallback: 10_000, describe: 'longest graceful shutdown before exit' },
  ],
  signInSlowAfter: [
    'SIGN_IN_SLOW_AFTER',
    { parse: int(1, 100), fallback: 3, describe: 'failed sign-ins before delays start' },
  ],
  signInLockAfter: [
    'SIGN_IN_LOCK_AFTER',
    { parse: int(1, 100), fallback: 6, describe: 'failed sign-ins before lock-out' },
  ],
  signInLockMinutes: ['SIGN_IN_LOCK_MINUTES', { parse: int(1, 24 * 60), fallback: 15, describe: 'lock-out duration' }],
  argon2MemoryKib: [
    'ARGON2_MEMORY_KIB',
    { parse: int(1024, 1024 * 1024), fallback: 19_456, describe: 'argon2id memory cost in KiB' },
  ],
  clockControl: [
    'CLOCK_CONTROL',
    { parse: bool, fallback: false, describe: 'let the office move the clock forward (demos and tests)' },
  ],
  smtpUrl: [
    'SMTP_URL',
    {
      parse: url(['smtp:', 'smtps:']),
      fallback: null,
      describe: 'SMTP server URL, e.g. smtp://user:password@mail.example:587',
    },
  ],
  mailFrom: [
    'MAIL_FROM',
    { parse: (s) => s, fallback: 'Hundred <no-reply@hundred.example>', describe: 'sender of e-mails' },
  ],
  workerLockMs: ['WORKER_LOCK_MS', { parse: int(1000, 600_000), fallback: 2_000, describe: 'job lock duration in ms' }],
  workerStalledCheckMs: [
    'WORKER_STALLED_CHECK_MS',
    { parse: int(200, 600_000), fallback: 1_000, describe: 'interval of the stalled-job check in ms' },
  ],
  watchdogIntervalMs: [
    'WATCHDOG_INTERVAL_MS',
    {
      parse: int(200, 600_000),
      fallback: 5_000,
      describe: "interval of the worker's check of its job schedulers in ms",
    },
  ],
  redisCommandTimeoutMs: [
    'REDIS_COMMAND_TIMEOUT_MS',
    { parse: int(100, 60_000), fallback: 5_000, describe: 'longest wait for a Redis command that adds jobs, in ms' },
  ],
  healthMaxPendingDeadlines: [
    'HEALTH_MAX_PENDING_DEADLINES',
    { parse: int(0, 100_000_000), fallback: 1_000_000, describe: 'pending deadlines above which /health is degraded' },
  ],
  healthMaxOverdueDeadlines: [
    'HEALTH_MAX_OVERDUE_DEADLINES',
    {
      parse: int(0, 100_000_000),
      fallback: 0,
      describe: 'deadlines due for more than 60 s and not fired above which /health is degraded',
    },
  ],
  healthMaxOutboxBacklog: [
    'HEALTH_MAX_OUTBOX_BACKLOG',
    {
      parse: int(0, 100_000_000),
      fallback: 1_000,
      describe: 'outbox rows not yet relayed above which /health is degraded',
    },
  ],
  healthMaxFailedJobs: [
    'HEALTH_MAX_FAILED_JOBS',
    {
      parse: int(0, 100_000_000),
      fallback: 100,
      describe: 'failed jobs kept in Redis above which /health is degraded',
    },
  ],
  deadlineConcurrency: [
    'DEADLINE_CONCURRENCY',
    { parse: int(1, 500), fallback: 50, describe: 'deadline jobs handled at once per worker' },
  ],
  trustProxy: [
    'TRUST_PROXY',
    {
      parse: proxies,
      fallback: [],
      describe: 'proxies whose X-Forwarded-For is believed, e.g. 10.0.0.0/8,loopback (none by default)',
    },
  ],
  publicRateWindowSeconds: [
    'PUBLIC_RATE_WINDOW_SECONDS',
    { parse: int(1, 3600), fallback: 60, describe: 'window of the public-mutation rate limits, in seconds' },
  ],
  publicRatePerAddress: [
    'PUBLIC_RATE_PER_ADDRESS',
    {
      parse: int(1, 1_000_000),
      fallback: 20,
      describe: 'sign-ins (and other public mutations) per window per client address',
    },
  ],
  publicRateGlobal: [
    'PUBLIC_RATE_GLOBAL',
    {
      parse: int(1, 10_000_000),
      fallback: 300,
      describe: 'sign-ins (and other public mutations) per window from all clients',
    },
  ],
  graphqlMaxDepth: [
    'GRAPHQL_MAX_DEPTH',
    { parse: int(2, 100), fallback: 10, describe: 'deepest field nesting of a GraphQL request' },
  ],
  graphqlMaxAliases: [
    'GRAPHQL_MAX_ALIASES',
    { parse: int(0, 1000), fallback: 10, describe: 'aliases in a GraphQL request' },
  ],
  graphqlMaxTokens: [
    'GRAPHQL_MAX_TOKENS',
    { parse: int(100, 100_000), fallback: 3000, describe: 'tokens in a GraphQL document' },
  ],
  graphqlMaxDirectives: [
    'GRAPHQL_MAX_DIRECTIVES',
    { parse: int(0, 1000), fallback: 20, describe: 'directives in a GraphQL request' },
  ],
  graphqlMaxCost: [
    'GRAPHQL_MAX_COST',
    {
      parse: int(100, 10_000_000),
      fallback: 60_000,
      describe: 'estimated cost of a GraphQL request (a field 1, about 0.01 ms; lists times their items)',
    },
  ],
  requestTimeBudgetMs: [
    'REQUEST_TIME_BUDGET_MS',
    { parse: int(100, 120_000), fallback: 2000, describe: 'server time one GraphQL request may take, in ms' },
  ],
  chromiumPath: [
    'CHROMIUM_PATH',
    {
      parse: (s) => (s.startsWith('/') ? s : { error: `must be an absolute path, got "${s}"` }),
      fallback: '/usr/bin/chromium',
      describe: 'the Chromium executable that prints PDF exports',
    },
  ],
  exportRenderTimeoutMs: [
    'EXPORT_RENDER_TIMEOUT_MS',
    { parse: int(1000, 600_000), fallback: 60_000, describe: 'longest time to print one PDF export, in ms' },
  ],
  exportRetentionDays: [
    'EXPORT_RETENTION_DAYS',
    { parse: int(1, 3650), fallback: 7, describe: 'days a finished export and its file are kept' },
  ],
  benchStatementsHeader: [
    'HUNDRED_BENCH',
    {
      parse: bool,
      fallback: false,
      describe: 'benchmarks only: send the count of SQL statements sent so far with every HTTP answer',
    },
  ],
};

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  const nodeEnvParsed = oneOf(['development', 'test', 'production'] as const)(nodeEnvRaw);
  let nodeEnv: NodeEnv = 'development';
  if (typeof nodeEnvParsed === 'object') problems.push(`NODE_ENV ${nodeEnvParsed.error}`);
  else nodeEnv = nodeEnvParsed;

  const out: Record<string, unknown> = { nodeEnv };
  for (const [key, [name, field]] of Object.entries(fields) as [string, [string, Field<unknown>]][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      const fb =
        typeof field.fallback === 'function' ? (field.fallback as (e: NodeEnv) => unknown)(nodeEnv) : field.fallback;
      if (fb === undefined) problems.push(`${name} is missing: ${field.describe}`);
      else out[key] = fb;
      continue;
    }
    const parsed = field.parse(raw);
    if (parsed !== null && typeof parsed === 'object' && 'error' in parsed) problems.push(`${name} ${parsed.error}`);
    else out[key] = parsed;
  }
  const config = out as unknown as AppConfig;
  if (problems.length === 0 && config.nodeEnv === 'production' && config.clockControl) {
    problems.push('CLOCK_CONTROL cannot be enabled in production');
  }
  if (problems.length === 0 && config.signInLockAfter <= config.signInSlowAfter) {
    problems.push('SIGN_IN_LOCK_AFTER must be greater than SIGN_IN_SLOW_AFTER');
  }
  if (problems.length === 0 && config.workerStalledCheckMs >= config.workerLockMs) {
    problems.push("WORKER_STALLED_CHECK_MS must be below WORKER_LOCK_MS (a killed worker's jobs wait for both)");
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Injection token of the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
