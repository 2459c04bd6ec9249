import { Module } from '@nestjs/common';

import { NotificationResolver } from './notification.resolver.js';
import { EmailHandler } from './email.handler.js';

@Module({
  providers: [NotificationResolver, EmailHandler],
})
export class NotificationsModule {}
