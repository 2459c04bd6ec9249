import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { Section } from '../../../components/Section';
import { AlignmentPicker, type AlignmentTree } from '../../alignment/AlignmentFields';
import { fieldId, type ChallengeForm } from './values';

/** Where the challenge sits in the alignment tree (at least one tag). */
export function AlignmentSection({ form, tree }: { form: ChallengeForm; tree: AlignmentTree }) {
  const { t } = useTranslation();
  return (
    <Section id="challenge-alignment-form" title={t('challenges.form.alignmentTitle')}>
      {tree.loading ? (
        <Text size="sm" c="dimmed">
          {t('app.loading')}
        </Text>
      ) : (
        <AlignmentPicker
          id={fieldId('alignmentNodeIds')}
          tree={tree}
          required
          value={form.getValues().alignmentNodeIds}
          onChange={(value) => form.setFieldValue('alignmentNodeIds', value)}
          error={form.errors.alignmentNodeIds}
        />
      )}
    </Section>
  );
}
