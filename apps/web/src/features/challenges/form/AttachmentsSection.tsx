import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { EditableList } from '../../../components/EditableList';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../lib/format';
import type { ChallengeForm } from './values';

/** Links are web addresses. */
const URL_PLACEHOLDER = 'https://';

/** Links to documents that support the challenge, each with a title. */
export function AttachmentsSection({ form }: { form: ChallengeForm }) {
  const { t } = useTranslation();
  const format = useFormat();
  const attachments = form.getValues().attachments;
  return (
    <Section
      id="challenge-attachments-form"
      title={t('challenges.fields.attachments')}
      hint={t('challenges.form.attachmentsHint')}
    >
      <EditableList
        count={attachments.length}
        empty={t('challenges.form.noAttachments')}
        renderRow={(index) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
            <TextInput
              label={t('challenges.form.attachmentTitleN', { number: format.number(index + 1) })}
              maxLength={200}
              autoComplete="off"
              {...form.getInputProps(`attachments.${index}.title`)}
            />
            <TextInput
              label={t('challenges.form.attachmentUrlN', { number: format.number(index + 1) })}
              placeholder={URL_PLACEHOLDER}
              type="url"
              dir="ltr"
              maxLength={2000}
              autoComplete="off"
              {...form.getInputProps(`attachments.${index}.url`)}
            />
          </SimpleGrid>
        )}
        removeTooltip={t('challenges.form.removeAttachment')}
        removeLabel={(index) => t('challenges.form.removeAttachmentN', { number: format.number(index + 1) })}
        onRemove={(index) => form.removeListItem('attachments', index)}
        error={typeof form.errors.attachments === 'string' ? form.errors.attachments : null}
        onAdd={() => form.insertListItem('attachments', { title: '', url: '' })}
        addLabel={t('challenges.form.addAttachment')}
        max={20}
      />
    </Section>
  );
}
