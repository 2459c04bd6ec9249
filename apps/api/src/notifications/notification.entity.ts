import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { JsonScalar } from '../common/json.scalar.js';

/**
 * Something that happened, for one user. `kind` and `params` are rendered in the reader's
 * language by the web app and the e-mail templates. `dedupeKey` makes each notification unique,
 * so a retried job never notifies twice.
 */
@ObjectType({ description: 'A notification (إشعار) for the signed-in user.' })
@Entity({ name: 'notification' })
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Field({ description: 'e.g. WELCOME' })
  @Column()
  kind: string;

  @Column()
  dedupeKey: string;

  @Field(() => JsonScalar)
  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @Field()
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The kind of object it is about (cohort, challenge, team…).' })
  @Column({ type: 'varchar', nullable: true })
  subjectType: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  /** NONE (no e-mail), PENDING, SENT or FAILED. */
  @Column({ type: 'varchar' })
  emailState: string;

  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;
}
