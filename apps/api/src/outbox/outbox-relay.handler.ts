import { Injectable } from '@nestjs/common';

import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import { OutboxService } from './outbox.service.js';

export class OutboxRelayPayload {}

/** The periodic relay: catches what a crashed process committed but never enqueued. */
@Injectable()
@HandlesJob('outbox.relay')
export class OutboxRelayHandler implements JobHandler<OutboxRelayPayload> {
  readonly payloadType = OutboxRelayPayload;

  constructor(private readonly outbox: OutboxService) {}

  async handle(): Promise<void> {
    await this.outbox.relayAll();
  }
}
