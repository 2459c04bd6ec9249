import type { TFunction } from 'i18next';

import type { Formatters } from './format';
import { roleNames } from './format';

export interface NotificationLike {
  kind: string;
  params: unknown;
}

function text(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  return typeof value === 'string' ? value : '';
}

/** The words of a notification, in the current language, from its kind and parameters. */
export function describeNotification(
  notification: NotificationLike,
  t: TFunction,
  format: Formatters,
): { title: string; body: string } {
  const params =
    notification.params && typeof notification.params === 'object'
      ? (notification.params as Record<string, unknown>)
      : {};
  switch (notification.kind) {
    case 'WELCOME': {
      const roles = Array.isArray(params.roles) ? params.roles.filter((r): r is string => typeof r === 'string') : [];
      const name = format.name({ nameAr: text(params, 'nameAr'), nameEn: text(params, 'nameEn') });
      return {
        title: t('notifications.kinds.welcome.title'),
        body: t('notifications.kinds.welcome.body', { name, roles: format.list(roleNames(t, roles)) }),
      };
    }
    default:
      return { title: t('notifications.kinds.other.title'), body: t('notifications.kinds.other.body') };
  }
}
