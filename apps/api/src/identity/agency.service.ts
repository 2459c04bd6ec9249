import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { pgCode, UNIQUE_VIOLATION } from '../database/postgres-errors.js';
import { updateVersionedWithBefore } from '../database/versioned-update.js';
import { Agency } from './agency.entity.js';
import type { CreateAgencyInput, UpdateAgencyInput } from './dto/agency.inputs.js';
import { byId, LoadsBatch } from '../graphql-context/loaders.js';
import { AGENCY } from './identity.loaders.js';

export interface ActingContext {
  actorId: string;
  ip: string | null;
}

@Injectable()
export class AgencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Agency[]> {
    return this.dataSource.getRepository(Agency).find({ order: { nameEn: 'ASC' } });
  }

  async byIds(ids: readonly string[]): Promise<Agency[]> {
    return this.dataSource.getRepository(Agency).findBy({ id: In([...ids]) });
  }

  @LoadsBatch(AGENCY)
  async agenciesById(ids: readonly string[]): Promise<Map<string, Agency>> {
    return byId(await this.byIds(ids), (a) => a.id);
  }

  async create(input: CreateAgencyInput, acting: ActingContext): Promise<Agency> {
    return this.write(input.code, async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO agency (code, name_ar, name_en) VALUES ($1, $2, $3) RETURNING id`,
        [input.code, input.nameAr, input.nameEn],
      )) as { id: string }[];
      await this.audit.record(manager, {
        actorId: acting.actorId,
        action: 'agency.created',
        subjectType: 'agency',
        subjectId: row!.id,
        data: { code: input.code, nameAr: input.nameAr, nameEn: input.nameEn },
        ip: acting.ip,
      });
      return manager.getRepository(Agency).findOneByOrFail({ id: row!.id });
    });
  }

  async update(input: UpdateAgencyInput, acting: ActingContext): Promise<Agency> {
    return this.write(input.code, async (manager) => {
      const { before } = await updateVersionedWithBefore<{ code: string; name_ar: string; name_en: string }>(
        manager,
        'agency',
        'agency',
        input.id,
        input.version,
        { code: input.code, name_ar: input.nameAr, name_en: input.nameEn },
      );
      await this.audit.record(manager, {
        actorId: acting.actorId,
        action: 'agency.updated',
        subjectType: 'agency',
        subjectId: input.id,
        data: {
          before: { code: before.code, nameAr: before.name_ar, nameEn: before.name_en },
          after: { code: input.code, nameAr: input.nameAr, nameEn: input.nameEn },
        },
        ip: acting.ip,
      });
      return manager.getRepository(Agency).findOneByOrFail({ id: input.id });
    });
  }

  /** Runs a write in a transaction; a duplicate code becomes a field error on `code`. */
  private async write<T>(code: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (err) {
      if (pgCode(err) === UNIQUE_VIOLATION) throw AppError.field('code', 'error.duplicate', { value: code });
      throw err;
    }
  }
}
