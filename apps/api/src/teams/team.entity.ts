import { TEAM_ROLES, type TeamRole } from '@hundred/domain';
import { TEAM_STATES, type TeamState } from '@hundred/workflow';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const TeamStateEnum = Object.fromEntries(TEAM_STATES.map((s) => [s, s])) as Record<TeamState, TeamState>;
registerEnumType(TeamStateEnum, { name: 'TeamState' });
export const TeamRoleEnum = Object.fromEntries(TEAM_ROLES.map((s) => [s, s])) as Record<TeamRole, TeamRole>;
registerEnumType(TeamRoleEnum, { name: 'TeamRole', description: 'Roles held on one team.' });

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
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'A person on a team, with their role there.' })
export class TeamMember {
  @Field(() => ID) userId: string;
  @Field(() => TeamRoleEnum) role: TeamRole;
  @Field() addedAt: Date;
}
