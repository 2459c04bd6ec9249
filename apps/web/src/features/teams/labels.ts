import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useFormat } from '../../lib/format';
import {
  isChangeRequestState,
  isConfidence,
  isKpiDirection,
  isKpiUnit,
  isRag,
  isTeamEvent,
  isTeamGuard,
  isTeamRole,
  isTeamState,
} from './teams';

export interface TeamLabels {
  state: (state: string) => string;
  role: (role: string) => string;
  /** The heading of a group of people in one role ("Members", "Coach"). */
  roleGroup: (role: string) => string;
  event: (event: string) => string;
  guard: (guard: string) => string;
  rag: (rag: string) => string;
  unit: (unit: string) => string;
  direction: (direction: string) => string;
  confidence: (confidence: string) => string;
  changeState: (state: string) => string;
  reviewDecision: (decision: string) => string;
  /** A value in its unit: "45%", "7 days", "1,250". */
  value: (unit: string, value: number) => string;
  /** A bare number, short enough for an axis. */
  axisNumber: (unit: string, value: number) => string;
  /** Progress toward today's expected value, as a percentage. */
  progress: (progress: number) => string;
  /** "Week 3" */
  week: (week: number) => string;
}

/** The words of teams, goals, KPIs and check-ins in the current language. */
export function useTeamLabels(): TeamLabels {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo<TeamLabels>(() => {
    const digits = format.language === 'ar' && format.preferences.arabicDigits;
    const locale = format.language === 'ar' ? `ar-u-nu-${digits ? 'arab' : 'latn'}` : 'en-GB';
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    const whole = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    const value = (unit: string, v: number): string => {
      const text = plain.format(v);
      switch (unit) {
        case 'PERCENT':
          return percent.format(v / 100);
        case 'DAYS':
          return t('teams.unitValues.DAYS', { count: v, value: text });
        case 'HOURS':
          return t('teams.unitValues.HOURS', { count: v, value: text });
        case 'MINUTES':
          return t('teams.unitValues.MINUTES', { count: v, value: text });
        default:
          return text;
      }
    };
    return {
      state: (state) => (isTeamState(state) ? t(`teams.states.${state}`) : state),
      role: (role) => (isTeamRole(role) ? t(`teams.roles.${role}`) : role),
      roleGroup: (role) => (isTeamRole(role) ? t(`teams.roleGroups.${role}`) : role),
      event: (event) => (isTeamEvent(event) ? t(`teams.events.${event}`) : event),
      guard: (guard) => (isTeamGuard(guard) ? t(`teams.guards.${guard}`) : guard),
      rag: (rag) => (isRag(rag) ? t(`teams.rag.${rag}`) : rag),
      unit: (unit) => (isKpiUnit(unit) ? t(`teams.units.${unit}`) : unit),
      direction: (direction) => (isKpiDirection(direction) ? t(`teams.directions.${direction}`) : direction),
      confidence: (confidence) => (isConfidence(confidence) ? t(`teams.confidence.${confidence}`) : confidence),
      changeState: (state) => (isChangeRequestState(state) ? t(`teams.changes.states.${state}`) : state),
      reviewDecision: (decision) =>
        decision === 'ACKNOWLEDGED' || decision === 'RETURNED' ? t(`teams.checkIns.decisions.${decision}`) : decision,
      value,
      axisNumber: (unit, v) =>
        unit === 'PERCENT' ? percent.format(v / 100) : Math.abs(v) >= 10_000 ? compact.format(v) : plain.format(v),
      progress: (p) => whole.format(p),
      week: (week) => t('teams.week', { week: format.number(week) }),
    };
  }, [t, format]);
}
