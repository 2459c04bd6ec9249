import type { GlobalRole, Language } from '@hundred/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { FOREIGN_KEY_VIOLATION, pgCode, UNIQUE_VIOLATION } from '../database/postgres-errors.js';
import { updateVersioned, updateVersionedWithBefore } from '../database/versioned-update.js';
import { jobId } from '../jobs/job-catalog.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type { ActingContext } from './agency.service.js';
import type {
  ChangeMyPasswordInput,
  CreateUserInput,
  ResetUserPasswordInput,
  SetUserRolesInput,
  UpdateMyPreferencesInput,
  UpdateUserInput,
} from './dto/user.inputs.js';
import { PasswordService } from './password.service.js';
import { User } from './user.entity.js';
import { byId, LoadsBatch } from '../graphql-context/loaders.js';
import { USER } from './identity.loaders.js';
import { decodeKeyset, encodeKeyset, UUID_KEY } from '../common/keyset-cursor.js';

export interface UserFilter {
  agencyId?: string;
  role?: GlobalRole;
  search?: string;
}

const sortRoles = (roles: readonly GlobalRole[]): GlobalRole[] => [...new Set(roles)].sort();

@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly passwords: PasswordService,
  ) {}

  async list(filter: UserFilter, page = { limit: 200, offset: 0 }): Promise<User[]> {
    return this.filtered(filter).take(page.limit).skip(page.offset).getMany();
  }

  /**
   * A page of people by name in the reader's language, after the cursor of the last one read:
   * keyset on (name, id), a row more than asked to know whether another page follows. The cursor
   * carries its language: a page in the other language starts again from the top.
   */
  async page(
    filter: UserFilter,
    limit: number,
    after: string | null,
    lang: Language,
  ): Promise<{ items: User[]; nextCursor: string | null }> {
    const column = lang === 'ar' ? 'u.name_ar' : 'u.name_en';
    const qb = this.filtered(filter)
      .orderBy(column, 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(limit + 1);
    if (after) {
      const [cursorLang, name, id] = decodeKeyset(after, 3);
      if (cursorLang !== lang || !UUID_KEY.test(id!)) throw AppError.field('after', 'validation.invalid');
      qb.andWhere(`(${column}, u.id) > (:name, :id)`, { name, id });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeKeyset([lang, lang === 'ar' ? last.nameAr : last.nameEn, last.id]) : null;
    return { items, nextCursor };
  }

  private filtered(filter: UserFilter) {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .orderBy('u.name_en', 'ASC')
      .addOrderBy('u.id', 'ASC');
    if (filter.agencyId) qb.andWhere('u.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.search) {
      qb.andWhere('(u.name_ar ILIKE :s OR u.name_en ILIKE :s OR u.email ILIKE :s)', {
        s: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    return qb;
  }

  byId(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  byIds(ids: readonly string[]): Promise<User[]> {
    return this.dataSource.getRepository(User).findBy({ id: In([...ids]) });
  }

  @LoadsBatch(USER)
  async usersById(ids: readonly string[]): Promise<Map<string, User>> {
    return byId(await this.byIds(ids), (u) => u.id);
  }

  async create(input: CreateUserInput, acting: ActingContext): Promise<User> {
    const hash = await this.passwords.hash(input.password);
    const user = await this.write(input.email, async (manager) => {
      const roles = sortRoles(input.roles);
      const [row] = (await manager.query(
        `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [input.email, input.nameAr, input.nameEn, input.agencyId, input.preferredLanguage, roles, hash],
      )) as { id: string }[];
      const id = row!.id;
      await this.audit.record(manager, {
        actorId: acting.actorId,
        action: 'user.created',
        subjectType: 'user',
        subjectId: id,
        data: { email: input.email, agencyId: input.agencyId, roles },
        ip: acting.ip,
      });
      await this.outbox.add(manager, [
        { name: 'notification.welcome', jobId: jobId('welcome', id), payload: { userId: id } },
      ]);
      return manager.getRepository(User).findOneByOrFail({ id });
    });
    await this.outbox.relayNow();
    return user;
  }

  async update(input: UpdateUserInput, acting: ActingContext): Promise<User> {
    if (input.id === acting.actorId && !input.active) throw AppError.field('active', 'error.ownDeactivation');
    return this.write(input.email, async (manager) => {
      const { before, after } = await updateVersionedWithBefore<Record<string, unknown>>(
        manager,
        'app_user',
        'user',
        input.id,
        input.version,
        {
          email: input.email,
          name_ar: input.nameAr,
          name_en: input.nameEn,
          agency_id: input.agencyId,
          preferred_language: input.preferredLanguage,
          active: input.active,
        },
      );
      const changed = ['email', 'name_ar', 'name_en', 'agency_id', 'preferred_language', 'active'].filter(
        (k) => before[k] !== after[k],
      );
      await this.audit.record(manager, {
        actorId: acting.actorId,
        action:
          before.active && !after.active
            ? 'user.deactivated'
            : !before.active && after.active
              ? 'user.reactivated'
              : 'user.updated',
        subjectType: 'user',
        subjectId: input.id,
        data: { changed: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }])) },
        ip: acting.ip,
      });
      if (!after.active) await manager.query(`DELETE FROM user_session WHERE user_id = $1`, [input.id]);
      return manager.getRepository(User).findOneByOrFail({ id: input.id });
    });
  }

  async setRoles(input: SetUserRolesInput, acting: ActingContext): Promise<User> {
    const roles = sortRoles(input.roles);
    if (input.id === acting.actorId && !roles.includes('ADMIN')) throw AppError.field('roles', 'error.ownAdminRole');
    return this.dataSource.transaction(async (manager) => {
      const { before } = await updateVersionedWithBefore<{ roles: GlobalRole[] }>(
        manager,
        'app_user',
        'user',
        input.id,
        input.version,
        {
          roles,
        },
      );
      await this.audit.record(manager, {
        actorId: acting.actorId,
        action: 'user.roles_changed',
        subjectType: 'user',
        subjectId: input.id,
        data: {
          from: before.roles,
          to: roles,
          added: roles.filter((r) => !before.roles.includes(r)),
          removed: before.roles.filter((r) => !roles.includes(r)),
        },
        ip: acting.ip,
      });
      return manager.getRepository(User).findOneByOrFail({ id: input.id });
    });
  }

  async resetPassword(input: ResetUserPasswordInput, acting: ActingContext): Promise<User> {
    const hash = await this.passwords.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, 'app_user', 'user', input.id, input.version, { password_hash: hash });
      await manager.query(`DELETE FROM user_session WHERE user_id = $1`, [input.id]);
      await this.audit.record(manager, {
        actorId: acting.actorId,
        action: 'user.password_reset',
        subjectType: 'user',
        subjectId: input.id,
        ip: acting.ip,
      });
      return manager.getRepository(User).findOneByOrFail({ id: input.id });
    });
  }

  async updateMyPreferences(userId: string, input: UpdateMyPreferencesInput): Promise<User> {
    // A personal preference: last write wins, no version needed.
    await this.dataSource.query(`UPDATE app_user SET preferred_language = $2, updated_at = now() WHERE id = $1`, [
      userId,
      input.preferredLanguage,
    ]);
    return this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
  }

  async changeMyPassword(
    userId: string,
    input: ChangeMyPasswordInput,
    sessionId: string | null,
    ip: string | null,
  ): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [userId])) as {
      password_hash: string;
    }[];
    if (!(await this.passwords.verify(row?.password_hash, input.currentPassword))) {
      throw AppError.field('currentPassword', 'error.wrongCurrentPassword');
    }
    const hash = await this.passwords.hash(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE app_user SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [userId, hash],
      );
      // Sign out every other browser of this user.
      await manager.query(`DELETE FROM user_session WHERE user_id = $1 AND id IS DISTINCT FROM $2`, [
        userId,
        sessionId,
      ]);
      await this.audit.record(manager, {
        actorId: userId,
        action: 'user.password_changed',
        subjectType: 'user',
        subjectId: userId,
        ip,
      });
    });
  }

  /** A duplicate e-mail becomes a field error; an unknown agency too. */
  private async write<T>(email: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (err) {
      if (pgCode(err) === UNIQUE_VIOLATION) throw AppError.field('email', 'error.duplicate', { value: email });
      if (pgCode(err) === FOREIGN_KEY_VIOLATION) throw AppError.field('agencyId', 'error.unknownAgency');
      throw err;
    }
  }
}
