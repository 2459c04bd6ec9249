import { Module } from '@nestjs/common';

import { AgencyService } from './agency.service.js';
import { AuthService } from './auth.service.js';
import { AgencyResolver, UserResolver } from './identity.resolver.js';
import { PasswordService } from './password.service.js';
import { UserService } from './user.service.js';

@Module({
  providers: [AgencyService, UserService, AuthService, PasswordService, UserResolver, AgencyResolver],
  exports: [AgencyService, UserService, AuthService, PasswordService],
})
export class IdentityModule {}
