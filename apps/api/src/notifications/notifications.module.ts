import { Module } from '@nestjs/common';

import { IdentityModule } from '../identity/identity.module.js';
import { NotificationResolver } from './notification.resolver.js';
import { NotificationService } from './notification.service.js';
import { WelcomeHandler } from './welcome.handler.js';

@Module({
  imports: [IdentityModule],
  providers: [NotificationService, NotificationResolver, WelcomeHandler],
  exports: [NotificationService],
})
export class NotificationsModule {}
