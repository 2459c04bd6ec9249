import { type GlobalRole, type Language } from '@hundred/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { LanguageEnum } from '../common/graphql-enums.js';

@ObjectType('User', { description: 'A person who signs in; belongs to one agency.' })
@Entity({ name: 'app_user' })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Shown only to those who may read the account (UserResolver.email). */
  @Column()
  email: string;

  @Field()
  @Column()
  nameAr: string;

  @Field()
  @Column()
  nameEn: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  agencyId: string;

  @Field(() => LanguageEnum)
  @Column({ type: 'varchar' })
  preferredLanguage: Language;

  /** Shown only to those who may read the account (UserResolver.roles). */
  @Column({ type: 'text', array: true })
  roles: GlobalRole[];

  @Column({ select: false })
  passwordHash: string;

  @Field({ description: 'A deactivated user cannot sign in.' })
  @Column()
  active: boolean;

  @Field(() => Int)
  @Column({ type: 'int' })
  version: number;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
