import 'reflect-metadata';

import { FEATURE_MODULES } from '../manifest.js';

const RESOLVER = 'graphql:resolver_name';

/**
 * Every resolver of the API, for emitting the schema without starting the app: the providers of
 * the feature modules that are resolvers. An integration test checks that the running app's
 * schema equals the one emitted from this list.
 */
export const ALL_RESOLVERS: (new (...args: never[]) => unknown)[] = FEATURE_MODULES.flatMap(
  (m) => (Reflect.getMetadata('providers', m) as unknown[] | undefined) ?? [],
).filter((p): p is new (...args: never[]) => unknown => typeof p === 'function' && Reflect.hasMetadata(RESOLVER, p));
