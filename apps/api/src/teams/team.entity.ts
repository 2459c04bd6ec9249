import {
  OUTCOMES,
  RECOMMENDATIONS,
  TEAM_ROLES,
  type Outcome,
  type Recommendation,
  type TeamRole,
} from '@hundred/domain';
import { SUSTAINMENT_STATUSES, TEAM_STATES, type SustainmentStatus, type TeamState } from '@hundred/workflow';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const TeamStateEnum = Object.fromEntries(TEAM_STATES.map((s) => [s, s])) as Record<TeamState, TeamState>;
registerEnumType(TeamStateEnum, { name: 'TeamState' });
export const TeamRoleEnum = Object.fromEntries(TEAM_ROLES.map((s) => [s, s])) as Record<TeamRole, TeamRole>;
registerEnumType(TeamRoleEnum, { name: 'TeamRole', description: 'Roles held on one team.' });
export const RecommendationEnum = Object.fromEntries(RECOMMENDATIONS.map((s) => [s, s])) as Record<
  Recommendation,
  Recommendation
>;
export const OutcomeEnum = Object.fromEntries(OUTCOMES.map((o) => [o, o])) as Record<Outcome, Outcome>;
registerEnumType(OutcomeEnum, { name: 'Outcome', description: 'A team’s result on day 100 (النتيجة).' });
export const SustainmentStatusEnum = Object.fromEntries(SUSTAINMENT_STATUSES.map((s) => [s, s])) as Record<
  SustainmentStatus,
  SustainmentStatus
>;
registerEnumType(SustainmentStatusEnum, {
  name: 'SustainmentStatus',
  description: 'Whether the result held after day 100: sustained, scaled elsewhere, or lapsed.',
});
registerEnumType(RecommendationEnum, {
  name: 'Recommendation',
  description: 'What a reviewer recommends, and what the office decides, at the mid-point.',
});

@ObjectType({ description: 'A cross-agency team (فريق المسرّعة), created when its challenge is approved.' })
@Entity({ name: 'team' })
export class Team {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ type: 'uuid' }) cohortId: string;
  @Field(() => ID) @Column({ type: 'uuid' }) challengeId: string;
  @Field(() => TeamStateEnum) @Column({ type: 'varchar' }) state: TeamState;
  @Field(() => Int) @Column({ type: 'int' }) version: number;
  @Field() @Column() nameAr: string;
  @Field() @Column() nameEn: string;
  @Field(() => ID) @Column({ type: 'uuid' }) leadAgencyId: string;
  @Field(() => Date, { nullable: true, description: 'When its goals were approved and their targets frozen.' })
  @Column({ type: 'timestamptz', nullable: true })
  goalsFrozenAt: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'Set when two weeks passed without a check-in; cleared by the next one.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  checkInsFlaggedAt: Date | null;
  @Field(() => Int, {
    description:
      'Weeks in a row up to the last due check-in without a check-in (0 when the last one is in); the sponsor and the office are told at two, and once more past the cohort threshold.',
  })
  @Column({ type: 'int', default: 0 })
  missedCheckInWeeks: number;
  @Field(() => RecommendationEnum, { nullable: true, description: "The office's mid-point decision." })
  @Column({ type: 'varchar', nullable: true })
  midpointDecision: Recommendation | null;
  @Field(() => String, { nullable: true, description: 'What the team must correct (a COURSE_CORRECT decision).' })
  @Column({ type: 'text', nullable: true })
  midpointCorrections: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  midpointDecidedAt: Date | null;
  @Field(() => OutcomeEnum, { nullable: true, description: 'The outcome the office recorded.' })
  @Column({ type: 'varchar', nullable: true })
  outcome: Outcome | null;
  @Field(() => OutcomeEnum, { nullable: true, description: 'The outcome proposed when it was recorded.' })
  @Column({ type: 'varchar', nullable: true })
  proposedOutcome: Outcome | null;
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  outcomeRecordedAt: Date | null;
  @Field(() => SustainmentStatusEnum, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  sustainmentStatus: SustainmentStatus | null;
  @Field(() => String, { nullable: true, description: 'Where the result was scaled to (SCALED).' })
  @Column({ type: 'text', nullable: true })
  scaledTo: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  sustainmentClosedAt: Date | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'A person on a team, with their role there.' })
export class TeamMember {
  @Field(() => ID) userId: string;
  @Field(() => TeamRoleEnum) role: TeamRole;
  @Field() addedAt: Date;
}
