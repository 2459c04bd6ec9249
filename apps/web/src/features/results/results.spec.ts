import type { TeamResultsFragment } from '../../gql/graphql';
import { storyOf } from './results';

type Team = TeamResultsFragment;
type Kpi = Team['goals'][number]['kpis'][number];

const kpi = (id: string, over: Partial<Kpi> = {}): Kpi => ({
  id,
  nameAr: `مؤشر ${id}`,
  nameEn: `KPI ${id}`,
  unit: 'DAYS',
  direction: 'DECREASE',
  baseline: 30,
  target: 10,
  originalBaseline: 30,
  originalTarget: 7,
  values: [],
  ...over,
});

const team = (over: Partial<Team>): Team =>
  ({
    goals: [{ id: 'g', titleAr: 'هدف', titleEn: 'Goal', kpis: [kpi('a'), kpi('b')] }],
    finalReport: null,
    sustainmentPlan: null,
    ...over,
  }) as Team;

describe("a team's story, KPI by KPI", () => {
  it('runs from the baseline through the check-ins (days counted from day 1) to the submitted final value', () => {
    const story = storyOf(
      team({
        goals: [
          {
            id: 'g',
            titleAr: 'هدف',
            titleEn: 'Goal',
            kpis: [
              kpi('a', {
                values: [
                  { value: 20, asOf: '2026-02-19' },
                  { value: 25, asOf: '2026-01-20' },
                ],
              }),
            ],
          },
        ],
        finalReport: {
          id: 'r',
          teamId: 't',
          version: 2,
          narrative: '',
          lessons: '',
          scaling: '',
          submittedAt: '2026-04-12T09:00:00Z',
          updatedAt: '2026-04-12T09:00:00Z',
          values: [{ kpiId: 'a', value: 11, asOf: '2026-04-10', evidence: 'النظام' }],
        },
      }),
      '2026-01-01',
    );
    expect(story).toHaveLength(1);
    expect(story[0]!.points).toEqual([
      { day: 0, value: 30, source: 'BASELINE' },
      { day: 20, value: 25, source: 'CHECK_IN' },
      { day: 50, value: 20, source: 'CHECK_IN' },
      { day: 100, value: 11, source: 'FINAL' },
    ]);
    expect(story[0]).toMatchObject({ target: 10, originalTarget: 7 });
  });

  it('leaves out a final value still in a draft', () => {
    const story = storyOf(
      team({
        finalReport: {
          id: 'r',
          teamId: 't',
          version: 1,
          narrative: '',
          lessons: '',
          scaling: '',
          submittedAt: null,
          updatedAt: '2026-04-12T09:00:00Z',
          values: [{ kpiId: 'a', value: 11, asOf: '2026-04-10', evidence: 'النظام' }],
        },
      }),
      '2026-01-01',
    );
    expect(story.map((k) => k.points.map((p) => p.source))).toEqual([['BASELINE'], ['BASELINE']]);
  });

  it("takes a kept KPI's series from the plan, checkpoints included, in day order", () => {
    const plan = {
      kpis: [
        {
          kpiId: 'b',
          nameAr: 'مؤشر b',
          nameEn: 'KPI b',
          unit: 'DAYS',
          direction: 'DECREASE',
          baseline: 30,
          target: 10,
          originalTarget: 7,
          points: [
            { day: 130, value: 9, source: 'CHECKPOINT' },
            { day: 0, value: 30, source: 'BASELINE' },
            { day: 100, value: 10, source: 'FINAL' },
          ],
        },
      ],
    } as unknown as Team['sustainmentPlan'];
    const story = storyOf(team({ sustainmentPlan: plan }), '2026-01-01');
    expect(story.map((k) => k.kpiId)).toEqual(['a', 'b']);
    expect(story[1]!.points.map((p) => [p.day, p.source])).toEqual([
      [0, 'BASELINE'],
      [100, 'FINAL'],
      [130, 'CHECKPOINT'],
    ]);
  });
});
