import { loaderKey } from '../graphql-context/loaders.js';
import type { Agency } from './agency.entity.js';
import type { User } from './user.entity.js';

export const USER = loaderKey<User | null>('user', null);
export const AGENCY = loaderKey<Agency | null>('agency', null);
