import { useMutation } from '@apollo/client/react';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { can, childLevel, type AlignmentLevel } from '@hundred/domain';
import {
  IconChevronDown,
  IconChevronLeft,
  IconChevronRight,
  IconCircleOff,
  IconCirclePlus,
  IconHierarchy3,
  IconPencil,
  IconPlus,
  IconRefresh,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { BilingualTextInputs } from '../../components/BilingualTextInputs';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ForbiddenState, LoadError, PageLoader } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../lib/format';
import { applyProblem, required } from '../../lib/forms';
import { useSession } from '../../session/session';
import { buildTree, isAlignmentLevel, type AlignmentTreeNode } from './alignment';
import { useAlignmentTree, type AlignmentNode } from './AlignmentFields';
import { CreateAlignmentNodeMutation, UpdateAlignmentNodeMutation } from './documents';
import { useAlignmentLabels } from './labels';
import { OtherLanguage } from '../../components/OtherLanguage';

const LEVEL_COLORS: Record<AlignmentLevel, string> = {
  VISION: 'grape',
  PILLAR: 'indigo',
  OBJECTIVE: 'blue',
  INDICATOR: 'teal',
};

type Editing =
  | { kind: 'create'; parent: AlignmentNode | null }
  | { kind: 'edit'; node: AlignmentNode }
  | { kind: 'toggle'; node: AlignmentNode };

interface NodeValues {
  nameAr: string;
  nameEn: string;
  code: string;
  sort: number | string;
}

/** Adds a node under a parent (or a national vision at the top), or edits one with its version. */
function NodeForm({
  editing,
  onDone,
  reload,
}: {
  editing: Extract<Editing, { kind: 'create' | 'edit' }>;
  onDone: () => void;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAlignmentLabels();
  const [createNode, creating] = useMutation(CreateAlignmentNodeMutation, { refetchQueries: ['AlignmentTree'] });
  const [updateNode, updating] = useMutation(UpdateAlignmentNodeMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const node = editing.kind === 'edit' ? editing.node : null;
  const form = useForm<NodeValues>({
    initialValues: {
      nameAr: node?.nameAr ?? '',
      nameEn: node?.nameEn ?? '',
      code: node?.code ?? '',
      sort: node?.sort ?? 0,
    },
    validate: { nameAr: required(t), nameEn: required(t) },
  });
  const parentLevel = editing.kind === 'create' && editing.parent ? editing.parent.level : null;
  const level = node ? node.level : childLevel(parentLevel && isAlignmentLevel(parentLevel) ? parentLevel : null);
  const sending = creating.loading || updating.loading;

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const fields = {
      nameAr: values.nameAr.trim(),
      nameEn: values.nameEn.trim(),
      code: values.code.trim() || null,
      sort: Number(values.sort) || 0,
    };
    try {
      if (node) {
        await updateNode({
          variables: { input: { id: node.id, version: node.version, active: node.active, ...fields } },
        });
        notifications.show({ color: 'teal', message: t('alignment.saved', { name: format.name(fields) }) });
      } else {
        const parentId = editing.kind === 'create' ? (editing.parent?.id ?? null) : null;
        await createNode({ variables: { input: { parentId, ...fields } } });
        notifications.show({ color: 'teal', message: t('alignment.created', { name: format.name(fields) }) });
      }
      onDone();
    } catch (error) {
      const found = toProblem(error, t);
      if (!applyProblem(form, found)) setProblem(found);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {editing.kind === 'create' ? (
          <Text size="sm" c="dimmed">
            {editing.parent
              ? t('alignment.addUnder', { level: labels.level(level ?? ''), parent: format.name(editing.parent) })
              : t('alignment.addVisionHint')}
          </Text>
        ) : null}
        <ProblemAlert
          problem={problem}
          onReload={() =>
            void reload().then(() => {
              setProblem(null);
              onDone();
            })
          }
        />
        <BilingualTextInputs
          ar={{ label: t('fields.nameAr'), input: form.getInputProps('nameAr') }}
          en={{ label: t('fields.nameEn'), input: form.getInputProps('nameEn') }}
          maxLength={300}
          autoComplete="off"
          autofocus
          layout="stack"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('fields.code')}
            description={t('alignment.codeHint')}
            dir="ltr"
            autoComplete="off"
            maxLength={24}
            {...form.getInputProps('code')}
          />
          <NumberInput
            label={t('alignment.sort')}
            description={t('alignment.sortHint')}
            allowDecimal={false}
            {...form.getInputProps('sort')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onDone} disabled={sending}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={sending}>
            {node ? t('form.saveChanges') : t('alignment.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Deactivates a node (it stays on what carries it, but cannot be chosen again), or reactivates it. */
function ToggleForm({ node, onDone }: { node: AlignmentNode; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [updateNode, { loading }] = useMutation(UpdateAlignmentNodeMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const deactivate = node.active;
  const confirm = async () => {
    setProblem(null);
    try {
      await updateNode({
        variables: {
          input: {
            id: node.id,
            version: node.version,
            nameAr: node.nameAr,
            nameEn: node.nameEn,
            code: node.code,
            sort: node.sort,
            active: !node.active,
          },
        },
      });
      notifications.show({
        color: 'teal',
        message: deactivate
          ? t('alignment.deactivated', { name: format.name(node) })
          : t('alignment.reactivated', { name: format.name(node) }),
      });
      onDone();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  return (
    <Stack gap="md">
      <Text size="sm">
        {deactivate
          ? t('alignment.deactivateHint', { name: format.name(node) })
          : t('alignment.reactivateHint', { name: format.name(node) })}
      </Text>
      <ProblemAlert problem={problem} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone} disabled={loading}>
          {t('form.cancel')}
        </Button>
        <Button color={deactivate ? 'red' : undefined} loading={loading} onClick={() => void confirm()} data-autofocus>
          {deactivate ? t('alignment.deactivate') : t('alignment.reactivate')}
        </Button>
      </Group>
    </Stack>
  );
}

function NodeRow({
  entry,
  depth,
  collapsed,
  onToggleCollapse,
  onEdit,
  inactiveAncestor,
}: {
  entry: AlignmentTreeNode<AlignmentNode>;
  depth: number;
  collapsed: ReadonlySet<string>;
  onToggleCollapse: (id: string) => void;
  onEdit: (editing: Editing) => void;
  inactiveAncestor: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAlignmentLabels();
  const { node, children } = entry;
  const name = format.name(node);
  const level = isAlignmentLevel(node.level) ? node.level : null;
  const next = childLevel(level);
  const isCollapsed = collapsed.has(node.id);
  const Chevron = isCollapsed ? (format.language === 'ar' ? IconChevronLeft : IconChevronRight) : IconChevronDown;
  const groupId = `alignment-children-${node.id}`;
  const dimmed = !node.active || inactiveAncestor;
  return (
    <li data-testid="alignment-node" data-level={node.level} data-active={node.active}>
      <Paper
        withBorder
        radius="sm"
        px="sm"
        py={6}
        ms={depth * 32}
        mb={6}
        bg={dimmed ? 'gray.0' : undefined}
        style={{ borderInlineStart: `4px solid var(--mantine-color-${level ? LEVEL_COLORS[level] : 'gray'}-5)` }}
      >
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            {children.length > 0 ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-expanded={!isCollapsed}
                aria-controls={groupId}
                aria-label={isCollapsed ? t('alignment.expandOf', { name }) : t('alignment.collapseOf', { name })}
                onClick={() => onToggleCollapse(node.id)}
              >
                <Chevron size={16} aria-hidden />
              </ActionIcon>
            ) : (
              <span style={{ width: 22, flexShrink: 0 }} />
            )}
            <Badge size="sm" variant="light" color={level ? LEVEL_COLORS[level] : 'gray'} tt="none">
              {labels.level(node.level)}
            </Badge>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} c={dimmed ? 'dimmed' : undefined} truncate dir="auto">
                {name}
              </Text>
              <OtherLanguage truncate>{format.language === 'ar' ? node.nameEn : node.nameAr}</OtherLanguage>
            </Stack>
            {node.code ? (
              <Badge size="sm" variant="outline" color="gray" tt="none" className="ltr-data">
                {node.code}
              </Badge>
            ) : null}
            {!node.active ? (
              <Badge size="sm" variant="light" color="gray" tt="none">
                {t('alignment.inactive')}
              </Badge>
            ) : null}
          </Group>
          <Group gap={4} wrap="nowrap">
            {next && node.active ? (
              <Tooltip label={t('alignment.addChildOf', { level: labels.level(next) })}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('alignment.addChildTo', { level: labels.level(next), name })}
                  onClick={() => onEdit({ kind: 'create', parent: node })}
                >
                  <IconCirclePlus size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            ) : null}
            <Tooltip label={t('alignment.edit')}>
              <ActionIcon
                variant="subtle"
                aria-label={t('alignment.editOf', { name })}
                onClick={() => onEdit({ kind: 'edit', node })}
              >
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={node.active ? t('alignment.deactivate') : t('alignment.reactivate')}>
              <ActionIcon
                variant="subtle"
                color={node.active ? 'red' : 'teal'}
                aria-label={node.active ? t('alignment.deactivateOf', { name }) : t('alignment.reactivateOf', { name })}
                onClick={() => onEdit({ kind: 'toggle', node })}
              >
                {node.active ? <IconCircleOff size={18} aria-hidden /> : <IconRefresh size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </Paper>
      {children.length > 0 && !isCollapsed ? (
        <ul id={groupId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {children.map((child) => (
            <NodeRow
              key={child.node.id}
              entry={child}
              depth={depth + 1}
              collapsed={collapsed}
              onToggleCollapse={onToggleCollapse}
              onEdit={onEdit}
              inactiveAncestor={dimmed}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The office maintains the alignment tree: national vision → pillar → strategic objective → national indicator. */
export default function AlignmentTreePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAlignmentLabels();
  const { actor } = useSession();
  useDocumentTitle(t('alignment.title'));
  const mayManage = can(actor, 'alignment.manage', { type: 'alignment' });
  const tree = useAlignmentTree();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [showInactive, setShowInactive] = useState(true);
  const roots = useMemo(() => {
    const nodes = showInactive ? tree.nodes : tree.nodes.filter((n) => n.active);
    return buildTree(nodes, (a, b) => format.compare(format.name(a), format.name(b)));
  }, [tree.nodes, showInactive, format]);

  if (!mayManage) return <ForbiddenState />;

  const toggleCollapse = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const title =
    editing === null
      ? ''
      : editing.kind === 'create'
        ? t('alignment.addTitle', {
            level: labels.level(
              childLevel(editing.parent && isAlignmentLevel(editing.parent.level) ? editing.parent.level : null) ?? '',
            ),
          })
        : editing.kind === 'edit'
          ? t('alignment.editTitle')
          : editing.node.active
            ? t('alignment.deactivate')
            : t('alignment.reactivate');

  return (
    <>
      <PageHeader
        title={t('alignment.title')}
        description={t('alignment.intro')}
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setEditing({ kind: 'create', parent: null })}
          >
            {t('alignment.addVision')}
          </Button>
        }
      />
      {tree.error && tree.nodes.length === 0 ? (
        <LoadError error={tree.error} onRetry={() => void tree.refetch()} />
      ) : tree.loading ? (
        <PageLoader />
      ) : tree.nodes.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="xl" variant="light" color="gray">
              <IconHierarchy3 size={26} aria-hidden />
            </ThemeIcon>
            <Text c="dimmed">{t('alignment.empty')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="md">
          <Group justify="space-between" gap="sm">
            <Group gap="xs">
              {(['VISION', 'PILLAR', 'OBJECTIVE', 'INDICATOR'] as const).map((level) => (
                <Badge key={level} variant="light" color={LEVEL_COLORS[level]} tt="none">
                  {labels.level(level)}
                </Badge>
              ))}
            </Group>
            <Switch
              label={t('alignment.showInactive')}
              checked={showInactive}
              onChange={(e) => setShowInactive(e.currentTarget.checked)}
            />
          </Group>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('alignment.title')}>
            {roots.map((entry) => (
              <NodeRow
                key={entry.node.id}
                entry={entry}
                depth={0}
                collapsed={collapsed}
                onToggleCollapse={toggleCollapse}
                onEdit={setEditing}
                inactiveAncestor={false}
              />
            ))}
          </ul>
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={title}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing?.kind === 'toggle' ? (
          <ToggleForm node={editing.node} onDone={() => setEditing(null)} />
        ) : editing ? (
          <NodeForm
            key={editing.kind === 'edit' ? editing.node.id : (editing.parent?.id ?? 'root')}
            editing={editing}
            onDone={() => setEditing(null)}
            reload={tree.refetch}
          />
        ) : null}
      </Modal>
    </>
  );
}
