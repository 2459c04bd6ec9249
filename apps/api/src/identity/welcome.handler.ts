import { Injectable, Logger } from '@nestjs/common';
import { IsUUID } from 'class-validator';

import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import { NotificationService } from '../notifications/notification.service.js';
import { UserService } from './user.service.js';

export class WelcomePayload {
  @IsUUID()
  userId: string;
}

/** Greets a new user. Re-checks the user, and the dedupe key makes a retry harmless. */
@Injectable()
@HandlesJob('notification.welcome')
export class WelcomeHandler implements JobHandler<WelcomePayload> {
  private readonly logger = new Logger(WelcomeHandler.name);
  readonly payloadType = WelcomePayload;

  constructor(
    private readonly users: UserService,
    private readonly notifications: NotificationService,
  ) {}

  async handle({ userId }: WelcomePayload): Promise<void> {
    const user = await this.users.byId(userId);
    if (!user || !user.active) {
      this.logger.log({ userId }, 'Welcome skipped: the user is gone or inactive');
      return;
    }
    await this.notifications.create({
      userId,
      kind: 'WELCOME',
      dedupeKey: `welcome-${userId}`,
      params: { nameAr: user.nameAr, nameEn: user.nameEn, roles: user.roles },
    });
  }
}
