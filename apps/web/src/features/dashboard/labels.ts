import type { TeamStanding } from '@hundred/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useFormat } from '../../lib/format';

/** The words of the dashboard in the current language. */
export function useDashboardLabels() {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(
    () => ({
      standing: (s: TeamStanding) => t(`dashboard.standings.${s}`),
      result: (r: string) => t(`dashboard.results.${r}`, { defaultValue: r }),
      percent: (share: number | null) =>
        share === null ? '—' : t('dashboard.percent', { value: format.number(Math.round(share * 100)) }),
      band: (from: number, to: number | null) =>
        to === null
          ? t('dashboard.bandReached', { from: format.number(from * 100) })
          : t('dashboard.band', { from: format.number(from * 100), to: format.number(to * 100) }),
    }),
    [t, format],
  );
}
