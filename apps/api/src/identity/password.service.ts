import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';

import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** Argon2id hashing. Verifying against a throw-away hash keeps unknown accounts as slow as known ones. */
@Injectable()
export class PasswordService {
  private dummy: Promise<string> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.config.argon2MemoryKib,
      timeCost: 2,
      parallelism: 1,
    });
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      this.dummy ??= this.hash('not-a-real-password-0');
      await argon2.verify(await this.dummy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
