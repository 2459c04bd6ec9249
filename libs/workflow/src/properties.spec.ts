import fc from 'fast-check';

import { apply, type Caller, type Machine, type MachineName } from './core.js';
import { ALL_CALLERS, callerFor, FIXTURES, type Fixture } from './fixtures.spec-helper.js';
import { MACHINES } from './machines.js';

type AnyMachine = Machine<string, string, never>;

/** Random contexts: the fixture's passing context with any subset of guards broken. */
function contexts(name: MachineName): fc.Arbitrary<never> {
  const fixture = FIXTURES[name] as unknown as Fixture<object>;
  const breakers = Object.values(fixture.breakers);
  return fc.subarray(breakers).map((chosen) => chosen.reduce((ctx, b) => b(ctx), fixture.ok) as never);
}

function steps(name: MachineName, machine: AnyMachine) {
  return fc.array(
    fc.tuple(fc.constantFrom(...machine.events), fc.constantFrom(...(ALL_CALLERS as Caller[])), contexts(name)),
    {
      maxLength: 40,
    },
  );
}

describe.each(Object.entries(MACHINES) as [MachineName, AnyMachine][])(
  'invariants of the %s machine',
  (name, machine) => {
    it('never leaves a terminal state, whatever is fired', () => {
      fc.assert(
        fc.property(fc.constantFrom(...machine.terminal), steps(name, machine), (terminal, events) => {
          for (const [event, caller, ctx] of events)
            expect(apply(machine, terminal, event, caller, ctx).ok).toBe(false);
        }),
      );
    });

    it('changes nothing on a refusal, and moves only to declared states on success', () => {
      fc.assert(
        fc.property(steps(name, machine), (events) => {
          let state = machine.initial;
          for (const [event, caller, ctx] of events) {
            const before = state;
            const result = apply(machine, state, event, caller, ctx);
            if (result.ok) {
              expect(result.from).toBe(before);
              expect(machine.states).toContain(result.to);
              state = result.to;
            } else {
              expect(result).not.toHaveProperty('to');
              expect(result).not.toHaveProperty('effects');
              expect(state).toBe(before);
            }
            // Pure: the same question gets the same answer.
            expect(apply(machine, before, event, caller, ctx)).toEqual(result);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('reaches every state by random walks of permitted events, refused steps in between changing nothing', () => {
      const fixture = FIXTURES[name];
      const okContexts = [fixture.ok, ...(fixture.variants ?? [])];
      const seen = new Set<string>([machine.initial]);
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(3), contexts(name)), { minLength: 20, maxLength: 80 }),
          (choices) => {
            let state = machine.initial;
            for (const [pickRow, pickFirer, pickContext, permitted, ctx] of choices) {
              const rows = machine.transitions.filter((t) => t.from.includes(state));
              if (rows.length === 0) break; // terminal
              const row = rows[pickRow % rows.length]!;
              const firer = row.by[pickFirer % row.by.length]!;
              // Either a permitted caller with every guard holding, or a random context that may refuse.
              const result = apply(
                machine,
                state,
                row.event,
                callerFor(firer),
                permitted > 0 ? okContexts[pickContext % okContexts.length]! : ctx,
              );
              if (result.ok) state = result.to;
              seen.add(state);
            }
          },
        ),
        { numRuns: 3000 },
      );
      expect([...seen].sort()).toEqual([...machine.states].sort());
    });
  },
);
