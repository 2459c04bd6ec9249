import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { isAlignmentLevel } from './alignment';

export interface AlignmentLabels {
  /** A level of the tree: national vision, pillar, strategic objective, national indicator. */
  level: (level: string) => string;
}

/** The words of the alignment tree in the current language. */
export function useAlignmentLabels(): AlignmentLabels {
  const { t } = useTranslation();
  return useMemo<AlignmentLabels>(
    () => ({ level: (level) => (isAlignmentLevel(level) ? t(`alignment.levels.${level}`) : level) }),
    [t],
  );
}
