import { useTranslation } from 'react-i18next';

import { BilingualTextInputs } from '../../../components/BilingualTextInputs';
import { useChallengeLabels } from '../labels';
import { fieldId, type ChallengeForm } from './values';

/** One text of the challenge: an Arabic and an English input side by side, the Arabic one first. */
export function BilingualField({
  form,
  name,
  long = false,
  arRequired,
  enRequired = false,
  maxLength,
}: {
  form: ChallengeForm;
  name: 'title' | 'problem' | 'why' | 'baseline' | 'ambition';
  long?: boolean;
  arRequired: boolean;
  enRequired?: boolean;
  maxLength: number;
}) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  const ar = `${name}Ar` as const;
  const en = `${name}En` as const;
  return (
    <BilingualTextInputs
      ar={{ id: fieldId(ar), label: labels.field(ar), required: arRequired, input: form.getInputProps(ar) }}
      en={{
        id: fieldId(en),
        label: labels.field(en),
        description: enRequired ? undefined : t('challenges.form.optional'),
        required: enRequired,
        input: form.getInputProps(en),
      }}
      maxLength={maxLength}
      autoComplete="off"
      multiline={long}
    />
  );
}
