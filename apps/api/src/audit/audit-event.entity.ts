import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { JsonScalar } from '../common/json.scalar.js';

/** Append-only: the database refuses UPDATE and DELETE on this table (see the migration). */
@ObjectType({ description: 'Who did what, when, from which state to which, and why.' })
@Entity({ name: 'audit_event' })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field()
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'Null when the system acted (scheduler, sign-in of an unknown account).',
  })
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Field({ description: 'e.g. auth.sign_in, auth.sign_in_failed, user.created, user.roles_changed' })
  @Column()
  action: string;

  @Field()
  @Column()
  subjectType: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  subjectId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  fromState: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  toState: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => JsonScalar)
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  ip: string | null;
}
