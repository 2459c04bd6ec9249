import { useMutation } from '@apollo/client/react';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { toProblem, type Problem } from '../../../api/errors';
import { useFormat } from '../../../lib/format';
import { applyNestedProblem, required } from '../../../lib/forms';
import { CreateCohortMutation, UpdateCohortMutation } from '../documents';
import {
  keptHolidays,
  keyedRubric,
  panelOf,
  PHASE_DAYS,
  REMINDER_DAYS,
  toCohortInput,
  toNumber,
  valuesOf,
  WORKING_DAYS,
  type Cohort,
  type CohortForm,
  type CohortFormValues,
  type NumberValue,
  type Panel,
} from './values';

export interface CohortFormState {
  form: CohortForm;
  /** The form's submit handler: checks the hints, then creates or saves the cohort. */
  submit: (event?: FormEvent<HTMLFormElement>) => void;
  sending: boolean;
  /** A refusal or failure that no field shows. */
  problem: Problem | null;
  /** Field messages about fields this form does not show. */
  unplaced: string[];
  /** The folded parts that are open: those holding a field in error open by themselves. */
  panels: string[];
  setPanels: (panels: string[]) => void;
  /** After a conflict: loads the latest version. */
  reloadLatest: () => Promise<void>;
}

/**
 * The cohort form's state and saving: its values (from the cohort, or the defaults of a new one),
 * the hints checked before sending, creating or saving with the version it was read at, and the
 * server's messages under the fields they are about (opening the panel that holds them).
 */
export function useCohortForm({
  cohort,
  reload,
}: {
  cohort: Cohort | null;
  reload: () => Promise<void>;
}): CohortFormState {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [createCohort, creating] = useMutation(CreateCohortMutation, { refetchQueries: ['Cohorts'] });
  const [updateCohort, updating] = useMutation(UpdateCohortMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [panels, setPanels] = useState<string[]>([]);
  const sending = creating.loading || updating.loading;

  const numberRule = (value: NumberValue) => (value === '' || value === null ? t('form.required') : null);
  const dayRule = (value: NumberValue) =>
    numberRule(value) ?? (toNumber(value) === 0 ? t('cohorts.form.noDayZero') : null);
  const form = useForm<CohortFormValues>({
    initialValues: valuesOf(cohort),
    validate: {
      nameAr: required(t),
      nameEn: required(t),
      day1: required(t),
      timeZone: required(t),
      offsets: {
        ...Object.fromEntries(PHASE_DAYS.map((key) => [key, dayRule])),
        ...Object.fromEntries(
          [...REMINDER_DAYS, ...WORKING_DAYS, 'closeAfterLastCheckpointDays'].map((key) => [key, numberRule]),
        ),
        checkInTime: required(t),
      },
      rubric: { nameAr: required(t), nameEn: required(t) },
      ragThresholds: { green: numberRule, amber: numberRule, staleDays: numberRule },
      minReviewers: numberRule,
      approvalsRequired: numberRule,
      minTeamMembers: numberRule,
      minTeamAgencies: numberRule,
      checkInEscalationRepeatWeeks: numberRule,
    },
  });

  const openPanelsFor = (paths: string[]) => {
    const wanted = new Set(paths.map(panelOf).filter((p): p is Panel => p !== null));
    if (wanted.size > 0) setPanels((open) => [...new Set([...open, ...wanted])]);
  };
  // Once the panels holding them have opened, the first field in error takes the focus; with none,
  // the message at the top of the form scrolls into view.
  const revealErrors = (root: HTMLFormElement | null | undefined) => {
    window.setTimeout(() => {
      const invalid = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (invalid) {
        invalid.scrollIntoView({ block: 'center' });
        invalid.focus({ preventScroll: true });
      } else root?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 250);
  };

  const submit = form.onSubmit(
    async (values, event) => {
      // Read before the first await: React lets go of the event's target after dispatch.
      const formElement = (event as FormEvent<HTMLFormElement> | undefined)?.currentTarget;
      setProblem(null);
      setUnplaced([]);
      // Empty holiday rows are dropped first, so the server's `holidays.N` match the rows on screen;
      // new criteria show the key they are sent with.
      const holidays = keptHolidays(values);
      if (holidays.length !== values.holidays.length) form.setFieldValue('holidays', holidays);
      form.setFieldValue('rubric', keyedRubric(values));
      const fields = toCohortInput(values);
      try {
        const saved = cohort
          ? (await updateCohort({ variables: { input: { id: cohort.id, version: cohort.version, ...fields } } })).data
              ?.updateCohort
          : (await createCohort({ variables: { input: fields } })).data?.createCohort;
        if (saved) {
          form.resetDirty();
          notifications.show({
            color: 'teal',
            message: cohort
              ? t('cohorts.form.saved', { name: format.name(saved) })
              : t('cohorts.form.created', { name: format.name(saved) }),
          });
          void navigate(`/cohorts/${saved.id}`);
        }
      } catch (error) {
        const found = toProblem(error, t);
        const { placed, rest } = applyNestedProblem(form, found, { aliases: { key: 'nameEn' } });
        openPanelsFor(placed);
        setUnplaced(rest);
        // Bad input is told field by field (and as a list for fields the form does not show).
        if (found.code !== 'BAD_USER_INPUT' || placed.length + rest.length === 0) setProblem(found);
        revealErrors(formElement);
      }
    },
    (errors, _values, event) => {
      openPanelsFor(Object.keys(errors));
      revealErrors((event as FormEvent<HTMLFormElement> | undefined)?.currentTarget);
    },
  );

  const reloadLatest = async () => {
    await reload();
    setProblem(null);
  };

  return { form, submit, sending, problem, unplaced, panels, setPanels, reloadLatest };
}
