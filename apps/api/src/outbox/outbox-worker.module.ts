import { Module } from '@nestjs/common';

import { OutboxRelayHandler } from './outbox-relay.handler.js';

/** The worker's side of the outbox: the periodic relay to the queues. */
@Module({ providers: [OutboxRelayHandler] })
export class OutboxWorkerModule {}
