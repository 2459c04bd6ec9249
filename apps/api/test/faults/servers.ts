import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';

/**
 * The fault suite's own servers: a Redis server and a PostgreSQL cluster on ports of their own,
 * in a directory of their own, started and removed by the suite (never the shared ones). A run
 * that was killed leaves them behind; the next run finds them by their directory and removes them.
 */
const root = process.getuid?.() === 0;

function sh(command: string, args: string[], options: { asPostgres?: boolean; allowFail?: boolean } = {}): string {
  const [cmd, argv] =
    options.asPostgres && root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0 && !options.allowFail) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/** The directory of PostgreSQL's server programs (initdb, pg_ctl): Debian's newest, or the PATH. */
function pgBin(): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('The fault suite needs PostgreSQL server programs (initdb, pg_ctl)');
  return path.dirname(found);
}

export class PgCluster {
  readonly dir: string;
  private readonly bin = pgBin();

  constructor(
    readonly port: number,
    base: string,
  ) {
    this.dir = path.join(base, `pg-${port}`);
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Removes what an earlier run left, then creates and starts a new cluster. */
  create(): void {
    this.destroy();
    mkdirSync(this.dir, { recursive: true });
    if (root) chownSync(this.dir, uid('postgres'), gid('postgres'));
    sh(path.join(this.bin, 'initdb'), ['-D', this.dir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'], {
      asPostgres: true,
    });
    this.start();
  }

  start(): void {
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200',
      // Survives a crash of the server process (what the suite does); only an OS crash could lose commits.
      '-c fsync=off',
      '-c full_page_writes=off',
    ].join(' ');
    sh(
      path.join(this.bin, 'pg_ctl'),
      ['-D', this.dir, '-l', path.join(this.dir, 'server.log'), '-o', options, '-w', 'start'],
      {
        asPostgres: true,
      },
    );
  }

  /** `immediate` is a crash: sessions are cut, and the next start recovers from the WAL. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    sh(path.join(this.bin, 'pg_ctl'), ['-D', this.dir, '-m', mode, '-w', 'stop'], {
      asPostgres: true,
      allowFail: true,
    });
  }

  destroy(): void {
    if (existsSync(path.join(this.dir, 'postmaster.pid'))) this.stop('immediate');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class RedisServer {
  readonly dir: string;

  constructor(
    readonly port: number,
    base: string,
  ) {
    this.dir = path.join(base, `redis-${port}`);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  /** No persistence, as a cache-like Redis runs: a restart comes back empty. */
  start(): void {
    mkdirSync(this.dir, { recursive: true });
    execFileSync('redis-server', [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--daemonize',
      'yes',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      this.dir,
      '--pidfile',
      path.join(this.dir, 'redis.pid'),
      '--logfile',
      path.join(this.dir, 'redis.log'),
      '--maxmemory-policy',
      'noeviction',
    ]);
    for (let i = 0; i < 100; i++) {
      if (spawnSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG')
        return;
      spawnSync('sleep', ['0.05']);
    }
    throw new Error(`redis-server on ${this.port} did not start`);
  }

  /** Stops the server without saving (its data is gone). */
  stop(): void {
    spawnSync('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave'], { encoding: 'utf8' });
    for (let i = 0; i < 100; i++) {
      if (spawnSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' }).status !== 0) return;
      spawnSync('sleep', ['0.05']);
    }
  }

  destroy(): void {
    this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function uid(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gid(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}

/** The suite's base directory: fixed per port so that a later run finds what a killed one left. */
export function baseDir(pgPort: number): string {
  return path.join('/tmp', `hundred-faults-${userInfo().username}-${pgPort}`);
}
