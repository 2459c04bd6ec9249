import { ActionIcon, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';

/**
 * Rows edited in place (attachments, holidays, checkpoints, criteria): each row's inputs with a
 * button that removes it, what to say while there is none, the list's own error, and a button
 * that adds a row. Rows are kept by their place, as the form's list paths (`holidays.2`) are.
 */
export function EditableList({
  count,
  renderRow,
  wrapRow,
  onAdd,
  addLabel,
  onRemove,
  removeLabel,
  removeTooltip,
  min = 0,
  max,
  empty,
  error,
  align = 'flex-start',
  removeOffset = { mt: 26 },
  gap = 'xs',
}: {
  /** How many rows there are. */
  count: number;
  /** The inputs of one row. */
  renderRow: (index: number) => ReactNode;
  /** A frame around a whole row, remove button included (e.g. a fieldset with its legend). */
  wrapRow?: (index: number, row: ReactNode) => ReactNode;
  onAdd: () => void;
  addLabel: string;
  onRemove: (index: number) => void;
  /** The remove button's accessible name, naming the row ("Remove holiday 2"). */
  removeLabel: (index: number) => string;
  /** A tooltip on the remove buttons. */
  removeTooltip?: string;
  /** Rows that must stay: below this, no row can be removed. */
  min?: number;
  /** Rows there may be at most: then no row can be added. */
  max: number;
  /** What to say while there are no rows. */
  empty?: string;
  /** A message about the list as a whole (e.g. the server's `holidays`). */
  error?: ReactNode;
  /** How the inputs and the remove button line up. */
  align?: 'flex-start' | 'flex-end';
  /** Where the remove button sits against the inputs' labels. */
  removeOffset?: { mt?: number } | { mb?: number };
  gap?: 'xs' | 'sm' | 'md';
}) {
  const rows = Array.from({ length: count }, (_, index) => {
    const remove = (
      <ActionIcon
        variant="subtle"
        color="red"
        size="lg"
        {...removeOffset}
        aria-label={removeLabel(index)}
        disabled={count <= min}
        onClick={() => onRemove(index)}
      >
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    );
    const row = (
      <Group gap={wrapRow ? 'sm' : 'xs'} align={align} wrap="nowrap">
        {renderRow(index)}
        {removeTooltip ? <Tooltip label={removeTooltip}>{remove}</Tooltip> : remove}
      </Group>
    );
    return <Fragment key={index}>{wrapRow ? wrapRow(index, row) : row}</Fragment>;
  });
  return (
    <Stack gap={gap}>
      {count === 0 && empty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        rows
      )}
      {error ? (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={onAdd}
          disabled={count >= max}
        >
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
