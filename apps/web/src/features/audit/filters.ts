/** The audit view's filters as the URL keeps them (so a search can be shared and reloaded). */
export interface AuditFilters {
  subjectType: string;
  subjectId: string;
  actorId: string;
  action: string;
  /** Local dates, `YYYY-MM-DD`; `to` is inclusive. */
  from: string;
  to: string;
}

export const FILTER_KEYS = ['subjectType', 'subjectId', 'actorId', 'action', 'from', 'to'] as const;

export const SUBJECT_TYPES = [
  'team',
  'challenge',
  'cohort',
  'user',
  'agency',
  'assessment',
  'review',
  'changeRequest',
  'alignment',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isUuid = (value: string) => UUID.test(value);

export function filtersFrom(params: URLSearchParams): AuditFilters {
  const get = (k: (typeof FILTER_KEYS)[number]) => params.get(k)?.trim() ?? '';
  return {
    subjectType: get('subjectType'),
    subjectId: get('subjectId'),
    actorId: get('actorId'),
    action: get('action'),
    from: get('from'),
    to: get('to'),
  };
}

export function paramsOf(filters: AuditFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filters[k].trim()) out.set(k, filters[k].trim());
  return out;
}

/** The search's variables: only well-formed parts (the form refuses the others), dates as local day bounds. */
export function filterVariables(f: AuditFilters) {
  const startOf = (date: string, plusDays = 0) => {
    const [y, m, d] = date.split('-').map(Number);
    return new Date(y!, m! - 1, d! + plusDays).toISOString();
  };
  return {
    subjectType: f.subjectType || null,
    subjectId: isUuid(f.subjectId) ? f.subjectId : null,
    actorId: isUuid(f.actorId) ? f.actorId : null,
    action: f.action || null,
    from: DATE.test(f.from) ? startOf(f.from) : null,
    to: DATE.test(f.to) ? startOf(f.to, 1) : null,
  };
}
