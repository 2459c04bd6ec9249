import 'reflect-metadata';

import { MetadataScanner, type DiscoveryService } from '@nestjs/core';

import { PlugInRegistry } from './common/plug-ins.js';
import { SHARED } from './core.module.js';
import { FEATURE_MODULES, WORKER_MODULES } from './manifest.js';
import { GoalsService } from './teams/goals.service.js';
import { TeamService } from './teams/team.service.js';

type Provider = unknown;
type Class = abstract new (...args: never[]) => unknown;

/** Every provider class of the application's modules (what start-up instantiates). */
function providerClasses(): Class[] {
  const modules = [...FEATURE_MODULES, ...WORKER_MODULES];
  const listed = [...SHARED, ...modules.flatMap((m) => (Reflect.getMetadata('providers', m) as Provider[]) ?? [])];
  return listed.filter((p): p is Class => typeof p === 'function');
}

/** Objects with the providers' prototypes: what the registry inspects, without running any constructor. */
const instancesOf = (classes: Class[]) => classes.map((c) => Object.create(c.prototype as object) as object);

const registry = (classes: Class[]) => {
  const r = new PlugInRegistry({ getProviders: () => [] } as unknown as DiscoveryService, new MetadataScanner());
  r.collect(instancesOf(classes));
  return r;
};

describe('the workflow plug-ins of the application', () => {
  it('serve every effect, cascade, deadline, audience and fact the machines declare', () => {
    expect(() => registry(providerClasses()).assertComplete()).not.toThrow();
  });

  it('refuse to start, naming the piece, when a handler is missing', () => {
    const withoutGoals = providerClasses().filter((c) => c !== GoalsService);
    expect(() => registry(withoutGoals).assertComplete()).toThrow(
      'Cannot start: effect:team:freezeTargets has no handler',
    );
    const withoutTeams = providerClasses().filter((c) => c !== TeamService);
    expect(() => registry(withoutTeams).assertComplete()).toThrow(/deadline:GOALS_REMINDER has no handler/);
  });

  it('refuse to start when two handlers serve one piece', () => {
    class SecondTeams extends TeamService {}
    expect(() => registry([...providerClasses(), SecondTeams]).assertComplete()).toThrow(
      /audience:TEAM_LEAD has two handlers \(TeamService\.teamPeople and SecondTeams\.teamPeople\)/,
    );
  });
});
