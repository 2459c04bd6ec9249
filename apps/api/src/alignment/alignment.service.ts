import { ALIGNMENT_LEVELS, childLevel, type AlignmentLevel } from '@hundred/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { queryRows } from '../database/sql.js';
import { updateVersioned } from '../database/versioned-update.js';
import { AlignmentNode } from './alignment-node.entity.js';
import type { CreateAlignmentNodeInput, UpdateAlignmentNodeInput } from './dto/alignment.inputs.js';
import { byId, LoadsBatch } from '../graphql-context/loaders.js';
import { ALIGNMENT_NODE } from './alignment.loaders.js';

/** The alignment tree the office maintains; challenges and goals are tagged with its nodes. */
@Injectable()
export class AlignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every node, parents before children: by level from the vision down, then by their order. */
  async tree(): Promise<AlignmentNode[]> {
    const nodes = await this.dataSource
      .getRepository(AlignmentNode)
      .find({ order: { sort: 'ASC', nameEn: 'ASC', id: 'ASC' } });
    const rank = (n: AlignmentNode) => ALIGNMENT_LEVELS.indexOf(n.level);
    return nodes.sort((a, b) => rank(a) - rank(b));
  }

  byIds(ids: readonly string[]): Promise<AlignmentNode[]> {
    return this.dataSource.getRepository(AlignmentNode).findBy({ id: In([...ids]) });
  }

  @LoadsBatch(ALIGNMENT_NODE)
  async nodesById(ids: readonly string[]): Promise<Map<string, AlignmentNode>> {
    return byId(await this.byIds(ids), (n) => n.id);
  }

  async create(input: CreateAlignmentNodeInput, actorId: string): Promise<AlignmentNode> {
    let level: AlignmentLevel | null = 'VISION';
    if (input.parentId) {
      const [parent] = await queryRows<{ level: AlignmentLevel; active: boolean }>(
        this.dataSource.manager,
        `SELECT level, active FROM alignment_node WHERE id = $1`,
        [input.parentId],
      );
      if (!parent || !parent.active) throw AppError.field('parentId', 'error.unknownAlignmentNode');
      level = childLevel(parent.level);
      if (!level) throw AppError.field('parentId', 'error.alignmentTooDeep');
    }
    return this.dataSource.transaction(async (m) => {
      const [row] = await queryRows<{ id: string }>(
        m,
        `INSERT INTO alignment_node (parent_id, level, code, name_ar, name_en, sort) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.parentId ?? null, level, input.code || null, input.nameAr, input.nameEn, input.sort],
      );
      await this.audit.record(m, {
        actorId,
        action: 'alignment.created',
        subjectType: 'alignment',
        subjectId: row!.id,
        data: { level, nameEn: input.nameEn },
      });
      return m.getRepository(AlignmentNode).findOneByOrFail({ id: row!.id });
    });
  }

  async update(input: UpdateAlignmentNodeInput, actorId: string): Promise<AlignmentNode> {
    return this.dataSource.transaction(async (m) => {
      await updateVersioned(m, 'alignment_node', 'alignment', input.id, input.version, {
        name_ar: input.nameAr,
        name_en: input.nameEn,
        code: input.code || null,
        sort: input.sort,
        active: input.active,
      });
      await this.audit.record(m, {
        actorId,
        action: input.active ? 'alignment.updated' : 'alignment.deactivated',
        subjectType: 'alignment',
        subjectId: input.id,
        data: { nameEn: input.nameEn },
      });
      return m.getRepository(AlignmentNode).findOneByOrFail({ id: input.id });
    });
  }
}
