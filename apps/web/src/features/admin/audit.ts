import type { TFunction } from 'i18next';

import type { Formatters } from '../../lib/format';
import { roleNames } from '../../lib/format';

export interface AuditEventLike {
  action: string;
  data: unknown;
  reason: string | null;
}

export interface AuditLookups {
  agencyName: (id: string) => string | undefined;
}

/** Audit actions with a label of their own; any other action shows its code. */
const ACTIONS = {
  'auth.sign_in': 'auth_sign_in',
  'auth.sign_in_failed': 'auth_sign_in_failed',
  'auth.sign_in_refused': 'auth_sign_in_refused',
  'auth.account_locked': 'auth_account_locked',
  'auth.unlocked': 'auth_unlocked',
  'auth.sign_out': 'auth_sign_out',
  'user.created': 'user_created',
  'user.updated': 'user_updated',
  'user.deactivated': 'user_deactivated',
  'user.reactivated': 'user_reactivated',
  'user.roles_changed': 'user_roles_changed',
  'user.password_reset': 'user_password_reset',
  'user.password_changed': 'user_password_changed',
  'agency.created': 'agency_created',
  'agency.updated': 'agency_updated',
} as const;

type ActionKey = (typeof ACTIONS)[keyof typeof ACTIONS];

function isKnownAction(action: string): action is keyof typeof ACTIONS {
  return action in ACTIONS;
}

/** Columns and properties the API records, and the field label each one has on screen. */
const FIELD_LABELS = {
  email: 'fields.email',
  name_ar: 'fields.nameAr',
  nameAr: 'fields.nameAr',
  name_en: 'fields.nameEn',
  nameEn: 'fields.nameEn',
  agency_id: 'fields.agency',
  agencyId: 'fields.agency',
  preferred_language: 'fields.preferredLanguage',
  active: 'fields.status',
  code: 'fields.code',
} as const;

const REASONS = ['wrong_password', 'unknown_account', 'inactive', 'locked', 'throttled'] as const;

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function auditActionLabel(action: string, t: TFunction): string {
  if (!isKnownAction(action)) return action;
  const key: ActionKey = ACTIONS[action];
  return t(`audit.actions.${key}`);
}

/** Human lines describing what an audit event changed, in the current language. */
export function auditDetails(event: AuditEventLike, t: TFunction, format: Formatters, lookups: AuditLookups): string[] {
  const data = record(event.data);
  const lines: string[] = [];

  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('audit.empty');
    if (field === 'active') return value ? t('status.active') : t('status.inactive');
    if (field === 'preferred_language' && (value === 'ar' || value === 'en')) return t(`language.${value}`);
    if ((field === 'agency_id' || field === 'agencyId') && typeof value === 'string') {
      return lookups.agencyName(value) ?? value;
    }
    return String(value);
  };
  const label = (field: string): string =>
    field in FIELD_LABELS ? t(FIELD_LABELS[field as keyof typeof FIELD_LABELS]) : field;
  // Values keep their own direction (a Latin name inside an Arabic sentence, and the reverse).
  const isolate = (text: string) => `\u2068${text}\u2069`;
  const change = (field: string, from: unknown, to: unknown) =>
    lines.push(
      t('audit.change', { field: label(field), from: isolate(show(field, from)), to: isolate(show(field, to)) }),
    );

  switch (event.action) {
    case 'user.created': {
      const roles = strings(data.roles);
      if (typeof data.email === 'string') lines.push(`${label('email')}: ${data.email}`);
      if (typeof data.agencyId === 'string') lines.push(`${label('agencyId')}: ${show('agencyId', data.agencyId)}`);
      if (roles.length) lines.push(`${t('fields.roles')}: ${format.list(roleNames(t, roles))}`);
      break;
    }
    case 'user.updated':
    case 'user.deactivated':
    case 'user.reactivated': {
      for (const [field, diff] of Object.entries(record(data.changed))) {
        const { from, to } = record(diff);
        change(field, from, to);
      }
      break;
    }
    case 'user.roles_changed': {
      const added = strings(data.added);
      const removed = strings(data.removed);
      if (added.length) lines.push(t('audit.rolesAdded', { roles: format.list(roleNames(t, added)) }));
      if (removed.length) lines.push(t('audit.rolesRemoved', { roles: format.list(roleNames(t, removed)) }));
      break;
    }
    case 'auth.sign_in_failed': {
      const reason = typeof data.reason === 'string' ? data.reason : '';
      if ((REASONS as readonly string[]).includes(reason)) {
        lines.push(t(`audit.reasons.${reason as (typeof REASONS)[number]}`));
      }
      if (typeof data.failures === 'number') {
        lines.push(t('audit.failures', { number: format.number(data.failures) }));
      }
      break;
    }
    case 'auth.account_locked': {
      if (typeof data.until === 'string') lines.push(t('audit.lockedUntil', { date: format.dateTime(data.until) }));
      break;
    }
    case 'agency.created': {
      for (const field of ['code', 'nameAr', 'nameEn'] as const) {
        if (typeof data[field] === 'string') lines.push(`${label(field)}: ${String(data[field])}`);
      }
      break;
    }
    case 'agency.updated': {
      const before = record(data.before);
      const after = record(data.after);
      for (const field of ['code', 'nameAr', 'nameEn'] as const) {
        if (before[field] !== after[field]) change(field, before[field], after[field]);
      }
      break;
    }
    default:
      break;
  }
  if (event.reason) lines.push(t('audit.reason', { reason: event.reason }));
  return lines;
}
