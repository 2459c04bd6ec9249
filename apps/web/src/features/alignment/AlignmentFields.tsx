import { useQuery } from '@apollo/client/react';
import { Badge, Group, Pill, Stack, Text, TreeSelect, type TreeNodeData } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { AlignmentNodeFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { buildTree, isChoosable, pathOf, type AlignmentTreeNode } from './alignment';
import { AlignmentTreeQuery } from './documents';
import { useAlignmentLabels } from './labels';

export type AlignmentNode = AlignmentNodeFieldsFragment;

export interface AlignmentTree {
  nodes: AlignmentNode[];
  byId: Map<string, AlignmentNode>;
  loading: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/**
 * The whole alignment tree, as a list and by id. `cache-first` where the page's own query brings
 * the tree too (the team workspace, a challenge), so that it is not asked for twice; `skip` until
 * that answer is in.
 */
export function useAlignmentTree({
  fetchPolicy,
  skip,
}: { fetchPolicy?: 'cache-first'; skip?: boolean } = {}): AlignmentTree {
  const { data, loading, error, refetch } = useQuery(AlignmentTreeQuery, {
    ...(fetchPolicy ? { fetchPolicy } : {}),
    skip,
  });
  return useMemo(() => {
    const nodes = data?.alignmentTree ?? [];
    return { nodes, byId: new Map(nodes.map((n) => [n.id, n])), loading: loading && !data, error, refetch };
  }, [data, loading, error, refetch]);
}

/** One tagged node with the chain above it: vision › pillar › objective › indicator. */
export function AlignmentPath({
  id,
  byId,
  fallback,
}: {
  id: string;
  byId: ReadonlyMap<string, AlignmentNode>;
  /** The node as the challenge carries it, when the tree has not loaded. */
  fallback?: AlignmentNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAlignmentLabels();
  const path = pathOf(id, byId);
  const nodes = path.length > 0 ? path : fallback ? [fallback] : [];
  const Separator = format.language === 'ar' ? IconChevronLeft : IconChevronRight;
  const last = nodes[nodes.length - 1];
  return (
    <Stack gap={2} data-testid="alignment-path">
      {last ? (
        <Text size="xs" c="dimmed">
          {labels.level(last.level)}
          {last.active ? null : ` · ${t('alignment.inactive')}`}
        </Text>
      ) : null}
      <Group gap={4} wrap="wrap" component="span" aria-label={t('alignment.pathLabel')}>
        {nodes.map((node, i) => (
          <Fragment key={node.id}>
            {i > 0 ? <Separator size={14} aria-hidden style={{ flexShrink: 0 }} /> : null}
            <Text
              span
              size="sm"
              fw={i === nodes.length - 1 ? 600 : 400}
              c={i === nodes.length - 1 ? undefined : 'dimmed'}
            >
              {format.name(node)}
            </Text>
          </Fragment>
        ))}
      </Group>
    </Stack>
  );
}

/** The label of a node in the picker: its name, and its code when it has one. */
function nodeLabel(node: AlignmentNode, name: string, inactive: string): ReactNode {
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <span>{name}</span>
      {node.code ? (
        <Badge size="xs" variant="outline" color="gray" tt="none" className="ltr-data">
          {node.code}
        </Badge>
      ) : null}
      {node.active ? null : (
        <Badge size="xs" variant="light" color="gray" tt="none">
          {inactive}
        </Badge>
      )}
    </Group>
  );
}

/**
 * Chooses alignment tags from the tree (vision → pillar → objective → indicator), any level.
 * Only active nodes may be chosen; a tag that has since been deactivated still shows, so it can be
 * removed.
 */
export function AlignmentPicker({
  id,
  tree,
  value,
  onChange,
  error,
  required,
  onBlur,
  onFocus,
  description,
}: {
  id?: string;
  tree: AlignmentTree;
  value: string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
  required?: boolean;
  onBlur?: () => void;
  onFocus?: () => void;
  /** Replaces the hint written for challenges (which need at least one tag). */
  description?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { nodes, byId } = tree;
  const data = useMemo<TreeNodeData[]>(() => {
    const chosen = new Set(value);
    const shown = nodes.filter((n) => isChoosable(n, byId) || chosen.has(n.id));
    const shownIds = new Set(shown.map((n) => n.id));
    // A chosen node whose parent is hidden shows at the top level.
    const visible = shown.map((n) => (n.parentId && !shownIds.has(n.parentId) ? { ...n, parentId: null } : n));
    const toData = (entry: AlignmentTreeNode<AlignmentNode>): TreeNodeData => {
      const name = format.name(entry.node);
      return {
        value: entry.node.id,
        label: nodeLabel(entry.node, name, t('alignment.inactive')),
        children: entry.children.length ? entry.children.map(toData) : undefined,
        nodeProps: { disabled: !entry.node.active, 'data-level': entry.node.level, 'data-name': name },
      };
    };
    return buildTree(visible, (a, b) => format.compare(format.name(a), format.name(b))).map(toData);
  }, [nodes, byId, value, format, t]);

  return (
    <TreeSelect
      id={id}
      mode="multiple"
      data={data}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      onFocus={onFocus}
      label={t('challenges.fields.alignmentNodeIds')}
      description={description ?? t('challenges.form.alignmentHint')}
      placeholder={value.length ? undefined : t('challenges.form.alignmentPlaceholder')}
      required={required}
      error={error}
      searchable
      filter={(query, node) => {
        const found = byId.get(node.value);
        if (!found) return false;
        const q = query.trim().toLocaleLowerCase();
        return [found.nameAr, found.nameEn, found.code ?? ''].some((s) => s.toLocaleLowerCase().includes(q));
      }}
      nothingFoundMessage={tree.loading ? t('app.loading') : t('alignment.nothingFound')}
      defaultExpandAll
      clearable
      clearButtonProps={{ 'aria-label': t('form.clear') }}
      maxDropdownHeight={320}
      chevronAriaLabels={{ expand: t('alignment.expand'), collapse: t('alignment.collapse') }}
      renderPill={({ value: id, onRemove, disabled }) => {
        const node = byId.get(id);
        const name = node ? format.name(node) : id;
        return (
          <Pill
            key={id}
            withRemoveButton={!disabled}
            onRemove={onRemove}
            removeButtonProps={{ tabIndex: 0, 'aria-hidden': false, 'aria-label': t('alignment.removeTag', { name }) }}
          >
            {name}
          </Pill>
        );
      }}
    />
  );
}
