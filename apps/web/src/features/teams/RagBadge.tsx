import { Badge, type BadgeProps } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconCircleCheck, IconClockQuestion } from '@tabler/icons-react';
import type { Rag } from '@hundred/domain';
import { useTranslation } from 'react-i18next';

import { useTeamLabels } from './labels';
import { RAG_COLORS, isRag } from './teams';

const ICONS: Record<Rag, typeof IconCircleCheck> = {
  GREEN: IconCircleCheck,
  AMBER: IconAlertTriangle,
  RED: IconAlertOctagon,
  GREY: IconClockQuestion,
};

/**
 * A RAG status (on track, needs attention, off track, no recent data): a colour, an icon and the
 * words, so it reads the same without colour.
 */
export function RagBadge({
  rag,
  withLabel = false,
  ...props
}: {
  rag: string;
  /** Prefix the words with "Status:" for screen readers and tooltips. */ withLabel?: boolean;
} & BadgeProps) {
  const { t } = useTranslation();
  const labels = useTeamLabels();
  const status: Rag = isRag(rag) ? rag : 'GREY';
  const Icon = ICONS[status];
  return (
    <Badge
      variant={status === 'GREY' ? 'outline' : 'light'}
      color={RAG_COLORS[status]}
      tt="none"
      leftSection={<Icon size={14} aria-hidden />}
      data-testid="rag-badge"
      data-rag={status}
      styles={{
        // The whole label, even in a narrow table cell.
        root: {
          overflow: 'visible',
          flexShrink: 0,
          color: status === 'AMBER' ? 'var(--mantine-color-yellow-9)' : undefined,
        },
        label: { overflow: 'visible' },
      }}
      {...props}
    >
      {withLabel ? t('teams.rag.label', { status: labels.rag(status) }) : labels.rag(status)}
    </Badge>
  );
}
