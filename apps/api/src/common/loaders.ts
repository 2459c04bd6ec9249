import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

import type { Agency } from '../identity/agency.entity.js';
import { AgencyService } from '../identity/agency.service.js';
import type { User } from '../identity/user.entity.js';
import { UserService } from '../identity/user.service.js';

/** Orders loaded rows like the keys DataLoader asked for. */
export function byKey<K, V>(keys: readonly K[], rows: V[], key: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** One set of DataLoaders per request: every relation a list can ask for is batched. */
export interface Loaders {
  agency: DataLoader<string, Agency | null>;
  user: DataLoader<string, User | null>;
}

@Injectable()
export class LoadersFactory {
  constructor(
    private readonly agencies: AgencyService,
    private readonly users: UserService,
  ) {}

  create(): Loaders {
    return {
      agency: new DataLoader(async (ids) => byKey(ids, await this.agencies.byIds(ids), (a) => a.id)),
      user: new DataLoader(async (ids) => byKey(ids, await this.users.byIds(ids), (u) => u.id)),
    };
  }
}
