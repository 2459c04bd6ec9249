import { Module } from '@nestjs/common';

import { IdentityModule } from '../identity/identity.module.js';
import { NotificationResolver } from './notification.resolver.js';
import { EmailHandler } from './email.service.js';
import { WelcomeHandler } from './welcome.handler.js';

@Module({
  imports: [IdentityModule],
  providers: [NotificationResolver, WelcomeHandler, EmailHandler],
})
export class NotificationsModule {}
