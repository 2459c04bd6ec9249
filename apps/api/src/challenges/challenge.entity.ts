import { CHALLENGE_STATES, type ChallengeState } from '@hundred/workflow';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { MaxLen, Required } from '../common/validation.js';
import { listOf } from '../common/paging.js';
import { IsUrl } from 'class-validator';

export const ChallengeStateEnum = Object.fromEntries(CHALLENGE_STATES.map((s) => [s, s])) as Record<
  ChallengeState,
  ChallengeState
>;
registerEnumType(ChallengeStateEnum, { name: 'ChallengeState' });

/** A link to a document about the challenge. */
@InputType('AttachmentInput')
@ObjectType()
export class Attachment {
  @Field() @Required() @MaxLen(200) title: string;
  @Field()
  @Required()
  @MaxLen(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'validation.url|[]' })
  url: string;
}

@ObjectType({ description: 'A national challenge (تحدٍّ) proposed by an agency for a cohort.' })
@Entity({ name: 'challenge' })
export class Challenge {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ type: 'uuid' }) cohortId: string;
  @Field(() => ChallengeStateEnum) @Column({ type: 'varchar' }) state: ChallengeState;
  @Field(() => Int) @Column({ type: 'int' }) version: number;

  @Field() @Column() titleAr: string;
  @Field() @Column() titleEn: string;
  @Field({ description: 'The problem statement.' }) @Column({ type: 'text' }) problemAr: string;
  @Field() @Column({ type: 'text' }) problemEn: string;
  @Field({ description: 'Why it matters to people.' }) @Column({ type: 'text' }) whyAr: string;
  @Field() @Column({ type: 'text' }) whyEn: string;
  @Field({ description: 'The current baseline.' }) @Column({ type: 'text' }) baselineAr: string;
  @Field() @Column({ type: 'text' }) baselineEn: string;
  @Field({ description: 'The ambition: where it should be in 100 days.' }) @Column({ type: 'text' }) ambitionAr: string;
  @Field() @Column({ type: 'text' }) ambitionEn: string;

  @Field(() => ID) @Column({ type: 'uuid' }) leadAgencyId: string;
  @Field(() => [ID]) @Column({ type: 'uuid', array: true }) partnerAgencyIds: string[];
  @Field(() => [ID]) @Column({ type: 'uuid', array: true }) alignmentNodeIds: string[];
  @Field(() => ID, { nullable: true }) @Column({ type: 'uuid', nullable: true }) proposedSponsorId: string | null;
  @Field(() => ID, { nullable: true }) @Column({ type: 'uuid', nullable: true }) proposedTeamLeadId: string | null;
  @Field(() => [Attachment], { complexity: listOf(5) }) @Column({ type: 'jsonb' }) attachments: Attachment[];

  @Field(() => ID, { nullable: true }) @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'An unsubmitted draft is locked when intake closes.' })
  @Column({ type: 'timestamptz', nullable: true })
  lockedAt: Date | null;
  @Field(() => ID, { nullable: true }) @Column({ type: 'uuid', nullable: true }) carriedFromCohortId: string | null;

  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'One criterion of the rubric, scored 1–5 with a comment.' })
export class ChallengeScore {
  @Field() criterion: string;
  @Field(() => Int) score: number;
  @Field() comment: string;
  @Field(() => ID) scoredById: string;
  @Field() scoredAt: Date;
}

@ObjectType({ description: "A leader's approval (N approvals decide)." })
export class ChallengeApproval {
  @Field(() => ID) leaderId: string;
  @Field() approvedAt: Date;
}

@ObjectType({ description: 'A comment on a challenge; a return to the agency and a decision are comments too.' })
export class ChallengeComment {
  @Field(() => ID) id: string;
  @Field(() => ID) authorId: string;
  @Field({ description: 'COMMENT, RETURN or DECISION.' }) kind: string;
  @Field() body: string;
  @Field() createdAt: Date;
}
