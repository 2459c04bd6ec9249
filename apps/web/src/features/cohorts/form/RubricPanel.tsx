import { Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { BilingualTextInputs } from '../../../components/BilingualTextInputs';
import { EditableList } from '../../../components/EditableList';
import { useFormat } from '../../../lib/format';
import { type CohortForm } from './values';

/** The screening criteria, each scored 1–5. */
export function RubricPanel({ form }: { form: CohortForm }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rubric = form.getValues().rubric;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('cohorts.form.rubricHint')}
      </Text>
      <EditableList
        gap="md"
        count={rubric.length}
        renderRow={(index) => (
          <BilingualTextInputs
            ar={{ label: t('fields.nameAr'), input: form.getInputProps(`rubric.${index}.nameAr`) }}
            en={{ label: t('fields.nameEn'), input: form.getInputProps(`rubric.${index}.nameEn`) }}
            autoComplete="off"
            spacing="sm"
            style={{ flex: 1 }}
          />
        )}
        wrapRow={(index, row) => (
          <Card withBorder radius="md" padding="sm" component="fieldset" style={{ margin: 0 }}>
            <Text component="legend" size="xs" fw={700} c="dimmed" px={4}>
              {t('cohorts.form.criterionN', { number: format.number(index + 1) })}
            </Text>
            {row}
          </Card>
        )}
        removeLabel={(index) => t('cohorts.form.removeCriterionN', { number: format.number(index + 1) })}
        min={1}
        onRemove={(index) => form.removeListItem('rubric', index)}
        error={typeof form.errors.rubric === 'string' ? form.errors.rubric : null}
        onAdd={() => form.insertListItem('rubric', { key: '', nameAr: '', nameEn: '' })}
        addLabel={t('cohorts.form.addCriterion')}
        max={10}
      />
    </Stack>
  );
}
