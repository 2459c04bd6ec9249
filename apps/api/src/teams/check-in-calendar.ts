import { checkInDueTimes } from '@hundred/domain';
import { CHECK_IN_STATES, type TeamState } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { Clock } from '../common/clock.js';
import { queryRows } from '../database/sql.js';
import { OnDeadline, type DeadlineOutcome } from '../deadlines/deadline-actions.js';
import { DeadlineService, type DeadlineRow, type DeadlineSpec } from '../deadlines/deadline.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { SchedulesDeadlines, type EffectContext } from '../workflow/workflow-runner.js';
import { cohortCalendar } from './check-ins.service.js';

/** Weeks in a row without a check-in after which the sponsor and the office are told. */
export const MISSED_WEEKS_ESCALATION = 2;

/**
 * Whether a run of missed weeks of this length is told to the sponsor and the office: once when it
 * reaches two weeks, and once more if it goes on past the cohort's threshold; never again after.
 */
export function escalatesAt(run: number, repeatAfterWeeks: number): boolean {
  return run === MISSED_WEEKS_ESCALATION || run === MISSED_WEEKS_ESCALATION + repeatAfterWeeks;
}

/**
 * The weekly calendar of a team during the 100 days: a reminder on the day, and at the due time
 * the run of missed weeks counted, shown on the team, and escalated when it reaches two weeks.
 */
@Injectable()
export class CheckInCalendar {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  /** When the team starts: every week's reminder and due time. */
  @SchedulesDeadlines('team', 'CHECK_INS')
  async schedule(m: EntityManager, _effect: unknown, ctx: EffectContext): Promise<void> {
    const cohortId = ctx.row.cohort_id as string;
    const cal = await cohortCalendar(m, cohortId);
    const base = { cohortId, subjectType: 'team', subjectId: ctx.id, group: 'CHECK_INS' as const };
    const specs: DeadlineSpec[] = checkInDueTimes(cal).flatMap((_, index) => [
      {
        ...base,
        kind: 'CHECK_IN_REMINDER',
        key: `CHECK_IN_REMINDER#${index + 1}`,
        rule: { rule: 'CHECK_IN_REMINDER', index },
        params: { week: index + 1 },
      },
      {
        ...base,
        kind: 'CHECK_IN_DUE',
        key: `CHECK_IN_DUE#${index + 1}`,
        rule: { rule: 'CHECK_IN', index },
        params: { week: index + 1 },
      },
    ]);
    await this.deadlines.schedule(m, cal, specs);
  }

  private async teamChecksIn(m: EntityManager, d: DeadlineRow) {
    const [team] = await queryRows<{ id: string; state: TeamState; name_ar: string; name_en: string }>(
      m,
      `SELECT id, state, name_ar, name_en FROM team WHERE id = $1`,
      [d.subject_id],
    );
    return team && CHECK_IN_STATES.includes(team.state) ? team : null;
  }

  /** The last week (up to this one) with a check-in, 0 when none. */
  private async lastWeekCheckedIn(m: EntityManager, teamId: string, week: number): Promise<number> {
    const [row] = await queryRows<{ last: number | null }>(
      m,
      `SELECT max(week)::int AS last FROM check_in WHERE team_id = $1 AND week <= $2`,
      [teamId, week],
    );
    return row?.last ?? 0;
  }

  /** On the day: the team lead and members are reminded, unless this week's check-in is in. */
  @OnDeadline('CHECK_IN_REMINDER')
  async remind(m: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const team = await this.teamChecksIn(m, d);
    const week = Number(d.params.week);
    if (!team || (await this.lastWeekCheckedIn(m, team.id, week)) === week) return { status: 'SKIPPED' };
    await this.notifications.broadcast(m, {
      kind: 'CHECK_IN_REMINDER',
      audience: ['TEAM_LEAD', 'TEAM'],
      params: { teamNameAr: team.name_ar, teamNameEn: team.name_en, week },
      dedupePrefix: `deadline-${d.id}`,
      subjectType: 'team',
      subjectId: team.id,
      context: { teamId: team.id, cohortId: d.cohort_id },
    });
    return { status: 'FIRED' };
  }

  /**
   * At the due time: the run of weeks in a row without a check-in is counted and shown on the team;
   * at two weeks the team is flagged and the sponsor and the office are told, and told again only
   * if the run goes on past the cohort's threshold.
   */
  @OnDeadline('CHECK_IN_DUE')
  async due(m: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const team = await this.teamChecksIn(m, d);
    if (!team) return { status: 'SKIPPED' };
    const week = Number(d.params.week);
    const run = week - (await this.lastWeekCheckedIn(m, team.id, week));
    const [cohort] = await queryRows<{ repeat: number }>(
      m,
      `SELECT check_in_escalation_repeat_weeks AS repeat FROM cohort WHERE id = $1`,
      [d.cohort_id],
    );
    await m.query(
      `UPDATE team SET missed_check_in_weeks = $2::int,
              check_ins_flagged_at = CASE WHEN $2::int >= $3::int THEN coalesce(check_ins_flagged_at, $4) ELSE NULL END
        WHERE id = $1`,
      [team.id, run, MISSED_WEEKS_ESCALATION, this.clock.now()],
    );
    if (escalatesAt(run, cohort?.repeat ?? 4)) {
      await this.notifications.broadcast(m, {
        kind: 'CHECK_INS_MISSING',
        audience: ['SPONSOR', 'OFFICE'],
        params: { teamNameAr: team.name_ar, teamNameEn: team.name_en, week, weeks: run },
        dedupePrefix: `deadline-${d.id}`,
        subjectType: 'team',
        subjectId: team.id,
        context: { teamId: team.id, cohortId: d.cohort_id },
      });
    }
    return { status: 'FIRED' };
  }

  /** The due time of each week of a cohort. */
  async weeks(cohortId: string): Promise<Date[]> {
    return checkInDueTimes(await cohortCalendar(this.dataSource.manager, cohortId));
  }
}
