import { Module } from '@nestjs/common';

import { SessionResolver } from '../graphql-context/context.factory.js';
import { AgencyService } from './agency.service.js';
import { AuthService } from './auth.service.js';
import { AgencyResolver, TransitionActorResolver, UserResolver } from './identity.resolver.js';
import { PasswordService } from './password.service.js';
import { UserService } from './user.service.js';
import { WelcomeHandler } from './welcome.handler.js';

@Module({
  providers: [
    AgencyService,
    UserService,
    AuthService,
    PasswordService,
    UserResolver,
    AgencyResolver,
    TransitionActorResolver,
    WelcomeHandler,
    { provide: SessionResolver, useExisting: AuthService },
  ],
  exports: [AgencyService, UserService, AuthService, PasswordService, SessionResolver],
})
export class IdentityModule {}
