import { ALIGNMENT_LEVELS, type AlignmentLevel } from '@hundred/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const AlignmentLevelEnum = Object.fromEntries(ALIGNMENT_LEVELS.map((l) => [l, l])) as Record<
  AlignmentLevel,
  AlignmentLevel
>;
registerEnumType(AlignmentLevelEnum, {
  name: 'AlignmentLevel',
  description: 'National vision → pillar → strategic objective → national indicator.',
});

@ObjectType({ description: 'A node of the alignment tree (إطار المواءمة).' })
@Entity({ name: 'alignment_node' })
export class AlignmentNode {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID, { nullable: true }) @Column({ type: 'uuid', nullable: true }) parentId: string | null;
  @Field(() => AlignmentLevelEnum) @Column({ type: 'varchar' }) level: AlignmentLevel;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', nullable: true }) code: string | null;
  @Field() @Column() nameAr: string;
  @Field() @Column() nameEn: string;
  @Field(() => Int) @Column({ type: 'int' }) sort: number;
  @Field({ description: 'Inactive nodes stay on the challenges that carry them but cannot be chosen again.' })
  @Column()
  active: boolean;
  @Field(() => Int) @Column({ type: 'int' }) version: number;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
