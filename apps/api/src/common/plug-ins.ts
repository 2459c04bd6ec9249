import 'reflect-metadata';

import { plugInProblems } from '@hundred/workflow';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

/**
 * The plug-in points of the workflow (see `declaredPlugIns` in libs/workflow): effect handlers,
 * cascades, deadline scheduling and cancelling, deadline actions, audiences and cohort facts.
 * A feature serves one by decorating a method of one of its providers (`@OnEffect`,
 * `@OnDeadline`, `@ResolvesAudience`, … each defined beside the service that calls it); this
 * registry finds them at start-up, and start-up fails, naming the piece, when a machine declares
 * something no handler serves, or two handlers serve one thing.
 */
const PLUG_INS = Symbol('hundred:plug-ins');

export interface PlugInMark {
  /** The plug-in point, e.g. `deadline:CHECK_IN_DUE` or `effect:team:freezeTargets`. */
  readonly key: string;
  /** Options of the point (e.g. whether a deadline action may run in a batch). */
  readonly options?: Readonly<Record<string, unknown>>;
}

/** A served plug-in point: the bound method and where it comes from (for messages). */
export interface PlugIn {
  readonly handler: (...args: never[]) => unknown;
  readonly options: Readonly<Record<string, unknown>>;
  readonly source: string;
}

/** A decorator for methods of a given signature (a method taking fewer arguments fits too). */
export type MethodDecoratorOf<T> = (target: object, key: string | symbol, descriptor: { value?: T }) => void;

/** Marks a method as serving plug-in points; decorators can be stacked. */
export function plugIn(...marks: PlugInMark[]): MethodDecorator {
  return (_target, _key, descriptor) => {
    const method = descriptor.value as object;
    const before = (Reflect.getMetadata(PLUG_INS, method) as PlugInMark[] | undefined) ?? [];
    Reflect.defineMetadata(PLUG_INS, [...before, ...marks], method);
    return descriptor;
  };
}

@Injectable()
export class PlugInRegistry implements OnModuleInit {
  private readonly logger = new Logger(PlugInRegistry.name);
  private readonly served = new Map<string, PlugIn>();
  private readonly problems: string[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    this.collect(
      this.discovery
        .getProviders()
        .filter((w) => w.isDependencyTreeStatic())
        .map((w) => w.instance as unknown),
    );
    this.assertComplete();
    this.logger.debug({ plugIns: this.served.size }, 'Workflow plug-ins registered');
  }

  /** Finds the marked methods of these objects (each object once, however many tokens point to it). */
  collect(instances: readonly unknown[]): void {
    const seen = new Set<object>();
    for (const instance of instances) {
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown> | null;
      if (!proto) continue;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const method = proto[name];
        if (typeof method !== 'function') continue;
        const marks = (Reflect.getMetadata(PLUG_INS, method) as PlugInMark[] | undefined) ?? [];
        for (const mark of marks) {
          const source = `${instance.constructor.name}.${name}`;
          const other = this.served.get(mark.key);
          if (other) {
            this.problems.push(`${mark.key} has two handlers (${other.source} and ${source})`);
            continue;
          }
          const handler = (method as (...args: never[]) => unknown).bind(instance);
          this.served.set(mark.key, { handler, options: mark.options ?? {}, source });
        }
      }
    }
  }

  /** Refuses to go on when a declared plug-in point has no handler (or one too many, or a stray one). */
  assertComplete(): void {
    const problems = [...this.problems, ...plugInProblems(this.served.keys())];
    if (problems.length > 0) throw new Error(`Cannot start: ${problems.join('; ')}`);
  }

  get(key: string): PlugIn | undefined {
    return this.served.get(key);
  }

  /** Every served point whose key starts with this prefix (e.g. `deadline:`). */
  withPrefix(prefix: string): [string, PlugIn][] {
    return [...this.served].filter(([key]) => key.startsWith(prefix));
  }
}
