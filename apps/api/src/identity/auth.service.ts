import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PasswordService } from './password.service.js';
import { User } from './user.entity.js';
import { queryPrepared } from '../database/sql.js';

export { SESSION_COOKIE } from '../graphql-context/context.factory.js';
import { SessionResolver } from '../graphql-context/context.factory.js';

export interface SignInResult {
  user: User;
  token: string;
  sessionId: string;
  expiresAt: Date;
}

interface ThrottleRow {
  failures: number;
  last_failed_at: Date | null;
  locked_until: Date | null;
}

const sha256 = (token: string): Buffer => createHash('sha256').update(token).digest();

/** A live session of an active user, with the user's columns as the `User` entity names them. */
const SESSION_USER_SQL = `SELECT u.id, u.email, u.name_ar AS "nameAr", u.name_en AS "nameEn", u.agency_id AS "agencyId",
       u.preferred_language AS "preferredLanguage", u.roles, u.active, u.version,
       u.created_at AS "createdAt", u.updated_at AS "updatedAt",
       s.id AS session_id, s.last_seen_at AS session_last_seen_at
  FROM user_session s JOIN app_user u ON u.id = s.user_id
 WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`;

type SessionRow = Omit<User, 'passwordHash'> & { session_id: string; session_last_seen_at: Date };

/**
 * Sign-in, sessions and the throttle on failed attempts. Throttling is keyed by the e-mail typed,
 * so it behaves the same whether or not an account has that address.
 */
@Injectable()
export class AuthService implements SessionResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seconds to wait after `failures` failed attempts before the next is accepted. */
  delayAfter(failures: number): number {
    if (failures < this.config.signInSlowAfter) return 0;
    return Math.min(2 ** (failures - this.config.signInSlowAfter), 60);
  }

  async signIn(
    email: string,
    password: string,
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<SignInResult> {
    // Sessions and throttling are security matters: they follow real time, not the business clock
    // that demos move forward.
    const now = new Date();
    const [throttle] = (await this.dataSource.query(
      `SELECT failures, last_failed_at, locked_until FROM sign_in_throttle WHERE email = $1`,
      [email],
    )) as ThrottleRow[];
    if (throttle?.locked_until && throttle.locked_until > now) {
      await this.refused(email, 'locked', meta.ip);
      throw this.lockedError(throttle.locked_until, now);
    }
    if (throttle && throttle.last_failed_at && !throttle.locked_until) {
      const wait = this.delayAfter(throttle.failures);
      const readyAt = throttle.last_failed_at.getTime() + wait * 1000;
      if (readyAt > now.getTime()) {
        await this.refused(email, 'throttled', meta.ip);
        throw new AppError(
          'SIGN_IN_THROTTLED',
          'error.signInThrottled',
          {
            seconds: Math.ceil((readyAt - now.getTime()) / 1000),
          },
          [],
          { retryAfterSeconds: Math.ceil((readyAt - now.getTime()) / 1000) },
        );
      }
    }

    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const passwordOk = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !passwordOk || !user.active) {
      await this.failed(
        email,
        user,
        !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'inactive',
        now,
        meta.ip,
      );
      throw new AppError('INVALID_CREDENTIALS', 'error.invalidCredentials');
    }

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3600_000);
    const sessionId = await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM sign_in_throttle WHERE email = $1`, [email]);
      const [row] = (await manager.query(
        `INSERT INTO user_session (token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent)
         VALUES ($1, $2, $3, $4, $3, $5, $6) RETURNING id`,
        [sha256(token), user.id, now, expiresAt, meta.ip, meta.userAgent?.slice(0, 400) ?? null],
      )) as { id: string }[];
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'auth.sign_in',
        subjectType: 'user',
        subjectId: user.id,
        ip: meta.ip,
      });
      return row!.id;
    });
    return { user, token, sessionId, expiresAt };
  }

  private lockedError(lockedUntil: Date, now: Date): AppError {
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
    return new AppError('ACCOUNT_LOCKED', 'error.accountLocked', { minutes }, [], {
      lockedUntil: lockedUntil.toISOString(),
    });
  }

  private async failed(email: string, user: User | null, reason: string, now: Date, ip: string | null): Promise<void> {
    const lockAfter = this.config.signInLockAfter;
    const lockMs = this.config.signInLockMinutes * 60_000;
    await this.dataSource.transaction(async (manager) => {
      // Failures older than the lock window no longer count.
      const [row] = (await manager.query(
        `INSERT INTO sign_in_throttle AS t (email, failures, last_failed_at)
         VALUES ($1, 1, $2)
         ON CONFLICT (email) DO UPDATE SET
           failures = CASE WHEN t.last_failed_at < $2::timestamptz - $3 * interval '1 millisecond' THEN 1 ELSE t.failures + 1 END,
           last_failed_at = $2,
           locked_until = NULL
         RETURNING failures`,
        [email, now, lockMs],
      )) as { failures: number }[];
      const failures = row!.failures;
      const lock = failures >= lockAfter;
      if (lock) {
        await manager.query(`UPDATE sign_in_throttle SET locked_until = $2 WHERE email = $1`, [
          email,
          new Date(now.getTime() + lockMs),
        ]);
      }
      await this.audit.record(manager, {
        actorId: null,
        action: 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: user?.id ?? null,
        data: { email, reason, failures, locked: lock },
        ip,
      });
      if (lock) {
        await this.audit.record(manager, {
          actorId: null,
          action: 'auth.account_locked',
          subjectType: 'user',
          subjectId: user?.id ?? null,
          data: { email, until: new Date(now.getTime() + lockMs).toISOString() },
          ip,
        });
      }
    });
  }

  private async refused(email: string, reason: 'locked' | 'throttled', ip: string | null): Promise<void> {
    await this.audit.record(this.dataSource.manager, {
      actorId: null,
      action: 'auth.sign_in_refused',
      subjectType: 'user',
      subjectId: await this.userIdOf(email),
      data: { email, reason },
      ip,
    });
  }

  /** The account with this e-mail, for the audit trail (null when none has it). */
  private async userIdOf(email: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [email])) as {
      id: string;
    }[];
    return row?.id ?? null;
  }

  /** The office lifts a lock-out early. */
  async unlock(email: string, actorId: string, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM sign_in_throttle WHERE email = $1`, [email]);
      await this.audit.record(manager, {
        actorId,
        action: 'auth.unlocked',
        subjectType: 'user',
        subjectId: await this.userIdOf(email),
        data: { email },
        ip,
      });
    });
  }

  /** The user and session of a cookie token, if the session is live and the user active. */
  async resolveSession(token: string | undefined): Promise<{ user: User; sessionId: string } | null> {
    if (!token || token.length > 100) return null;
    const now = new Date();
    // The session and its user in one prepared statement: every signed-in request starts here.
    const [row] = await queryPrepared<SessionRow>(this.dataSource, 'hundred_session_user', SESSION_USER_SQL, [
      sha256(token),
      now,
    ]);
    if (!row) return null;
    const { session_id: sessionId, session_last_seen_at: lastSeenAt, ...fields } = row;
    const user = Object.assign(new User(), fields);
    if (now.getTime() - lastSeenAt.getTime() > 5 * 60_000) {
      await this.dataSource.query(`UPDATE user_session SET last_seen_at = $2 WHERE id = $1`, [sessionId, now]);
    }
    return { user, sessionId };
  }

  async signOut(sessionId: string, userId: string, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM user_session WHERE id = $1`, [sessionId]);
      await this.audit.record(manager, {
        actorId: userId,
        action: 'auth.sign_out',
        subjectType: 'user',
        subjectId: userId,
        ip,
      });
    });
  }
}
