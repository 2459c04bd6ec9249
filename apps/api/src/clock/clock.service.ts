import { Injectable } from '@nestjs/common';

/** The one source of "now" on the server. Code never calls `new Date()` for business time. */
@Injectable()
export class ClockService {
  now(): Date {
    return new Date();
  }
}
