import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@ObjectType({ description: 'A government agency (جهة حكومية).' })
@Entity({ name: 'agency' })
export class Agency {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Short code, unique, upper case (e.g. MOH).' })
  @Column()
  code: string;

  @Field()
  @Column()
  nameAr: string;

  @Field()
  @Column()
  nameEn: string;

  @Field(() => Int, { description: 'Changes on every write; pass it back to update.' })
  @Column({ type: 'int' })
  version: number;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
