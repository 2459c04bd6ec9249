import 'reflect-metadata';

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import DataLoader from 'dataloader';

/**
 * DataLoaders for every relation a list can ask for. A feature declares a key (`loaderKey`) and
 * marks the method that loads a batch of them (`@LoadsBatch(KEY)`); each request gets its own
 * DataLoader per key, made the first time a resolver asks for it.
 */
export class LoaderKey<V> {
  constructor(
    readonly name: string,
    /** What an id with no row gives (null, or an empty list). */
    readonly empty: V,
  ) {}
}

export const loaderKey = <V>(name: string, empty: V): LoaderKey<V> => new LoaderKey(name, empty);

/** Loads a batch of ids: a map from id to value (ids missing from it get the key's `empty`). */
export type BatchLoad<V> = (ids: readonly string[]) => Promise<ReadonlyMap<string, V>>;

const LOADS = Symbol('hundred:loads-batch');

/** Marks the method that loads a batch of this key. */
export function LoadsBatch<V>(key: LoaderKey<V>) {
  return (_target: object, _name: string | symbol, descriptor: { value?: BatchLoad<V> }): void => {
    Reflect.defineMetadata(LOADS, key, descriptor.value as object);
  };
}

/** Turns rows into the map a batch load returns. */
export function byId<V>(rows: readonly V[], id: (row: V) => string): Map<string, V> {
  return new Map(rows.map((r) => [id(r), r]));
}

/** Groups rows by a key, every asked id present (with an empty list when it has none). */
export function groupBy<V>(ids: readonly string[], rows: readonly V[], key: (row: V) => string): Map<string, V[]> {
  const out = new Map<string, V[]>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(key(r))?.push(r);
  return out;
}

/** The batch loads of the whole application, found at start-up. */
@Injectable()
export class LoaderRegistry implements OnModuleInit {
  private readonly loads = new Map<string, { key: LoaderKey<unknown>; load: BatchLoad<unknown> }>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!wrapper.isDependencyTreeStatic() || !instance || typeof instance !== 'object' || seen.has(instance))
        continue;
      seen.add(instance);
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const method = proto[name];
        if (typeof method !== 'function') continue;
        const key = Reflect.getMetadata(LOADS, method) as LoaderKey<unknown> | undefined;
        if (!key) continue;
        if (this.loads.has(key.name)) throw new Error(`Cannot start: loader ${key.name} has two batch loads`);
        this.loads.set(key.name, { key, load: (method as BatchLoad<unknown>).bind(instance) });
      }
    }
  }

  /** A fresh set of loaders for one request. */
  forRequest(): Loaders {
    return new Loaders(this);
  }

  batchOf<V>(key: LoaderKey<V>): BatchLoad<V> {
    const found = this.loads.get(key.name);
    if (!found) throw new Error(`no batch load for loader ${key.name}`);
    return found.load as BatchLoad<V>;
  }
}

/** One request's DataLoaders. */
export class Loaders {
  private readonly made = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly registry: LoaderRegistry) {}

  get<V>(key: LoaderKey<V>): DataLoader<string, V> {
    let loader = this.made.get(key.name) as DataLoader<string, V> | undefined;
    if (!loader) {
      const load = this.registry.batchOf(key);
      loader = new DataLoader<string, V>(async (ids) => {
        const found = await load(ids);
        return ids.map((id) => (found.has(id) ? found.get(id)! : key.empty));
      });
      this.made.set(key.name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
