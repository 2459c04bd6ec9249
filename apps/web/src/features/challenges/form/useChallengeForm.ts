import { useApolloClient, useMutation } from '@apollo/client/react';
import { useForm } from '@mantine/form';
import { missingChallengeFields } from '@hundred/domain';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { toProblem, type Problem } from '../../../api/errors';
import { applyNestedProblem } from '../../../lib/forms';
import { ChallengeQuery, CreateChallengeMutation, UpdateChallengeMutation } from '../documents';
import { useFireChallengeEvent } from '../useFireChallengeEvent';
import {
  fieldsOf,
  keptAttachments,
  valuesOf,
  type Challenge,
  type ChallengeForm,
  type ChallengeFormValues,
  type DraftDefaults,
  type SubmitFailure,
} from './values';

/** The id of the intake form element: where the first field in error is looked for. */
export const CHALLENGE_FORM_ID = 'challenge-form';

/** The id of the alert a failed submission shows, which takes the focus when the page opens on it. */
export const SUBMIT_FAILURE_ID = 'challenge-submit-failure';

export interface ChallengeFormState {
  form: ChallengeForm;
  /** What is being sent now: the draft, or the draft and then its submission. */
  sending: 'save' | 'submit' | null;
  /** A refusal or failure that no field shows. */
  problem: Problem | null;
  /** Field messages about fields this form does not show. */
  unplaced: string[];
  /** What the last submission left to do. */
  failure: SubmitFailure | null;
  /** Saves the draft (a new one opens in the edit form). */
  saveDraft: () => Promise<void>;
  /** Saves the draft, then submits it; a refusal says which required fields are still empty. */
  submit: () => Promise<void>;
  /** After a conflict: loads the latest version. */
  reloadLatest: () => Promise<void>;
}

/**
 * The intake form's state and saving: its values (from the challenge, or the defaults of a new
 * draft), the hints checked before sending, saving the draft with the version it was read at,
 * submitting it, and the server's messages under the fields they are about.
 */
export function useChallengeForm({
  challenge,
  defaults,
  initialFailure,
  reload,
}: {
  challenge: Challenge | null;
  defaults: DraftDefaults;
  /** A first submission that failed before the edit form opened (a new draft is saved first). */
  initialFailure: SubmitFailure | null;
  reload: () => Promise<void>;
}): ChallengeFormState {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const fire = useFireChallengeEvent();
  const [createChallenge] = useMutation(CreateChallengeMutation);
  const [updateChallenge] = useMutation(UpdateChallengeMutation);
  const [sending, setSending] = useState<'save' | 'submit' | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [failure, setFailure] = useState<SubmitFailure | null>(initialFailure);

  const form = useForm<ChallengeFormValues>({
    initialValues: valuesOf(challenge, defaults),
    initialErrors: Object.fromEntries(
      (initialFailure?.missing ?? []).map((field) => [field, t('challenges.form.requiredToSubmit')]),
    ),
    validate: {
      cohortId: (value) => (challenge || value ? null : t('form.required')),
      leadAgencyId: (value) => (value ? null : t('form.required')),
      attachments: {
        title: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          return !value.trim() && values.attachments[index]?.url.trim() ? t('form.required') : null;
        },
        url: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          if (!value.trim()) return values.attachments[index]?.title.trim() ? t('form.required') : null;
          return /^https?:\/\/\S+$/i.test(value.trim()) ? null : t('challenges.form.urlHint');
        },
      },
    },
  });

  const revealErrors = () => {
    window.setTimeout(() => {
      const root = document.getElementById(CHALLENGE_FORM_ID);
      const invalid = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (invalid) {
        invalid.scrollIntoView({ block: 'center' });
        invalid.focus({ preventScroll: true });
      } else root?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 50);
  };

  /** Saves the draft; the saved challenge, or null when the server refused (the form then says why). */
  const save = async (): Promise<Challenge | null> => {
    setProblem(null);
    setUnplaced([]);
    const checked = form.validate();
    if (checked.hasErrors) {
      revealErrors();
      return null;
    }
    const v = form.getValues();
    // Empty attachment rows are dropped, so the server's `attachments.N` match the rows on screen.
    const kept = keptAttachments(v);
    if (kept.length !== v.attachments.length) form.setFieldValue('attachments', kept);
    const fields = fieldsOf({ ...v, attachments: kept });
    try {
      if (challenge) {
        const result = await updateChallenge({
          variables: { input: { id: challenge.id, version: challenge.version, ...fields } },
        });
        return result.data?.updateChallenge ?? null;
      }
      const result = await createChallenge({ variables: { input: { cohortId: v.cohortId ?? '', ...fields } } });
      return result.data?.createChallenge ?? null;
    } catch (error) {
      const found = toProblem(error, t);
      const { placed, rest } = applyNestedProblem(form, found);
      setUnplaced(rest);
      if (found.code !== 'BAD_USER_INPUT' || placed.length + rest.length === 0) setProblem(found);
      revealErrors();
      return null;
    }
  };

  const saveDraft = async () => {
    setSending('save');
    setFailure(null);
    try {
      const saved = await save();
      if (!saved) return;
      notifications.show({ color: 'teal', message: t('challenges.form.saved') });
      form.resetDirty();
      if (!challenge) void navigate(`/challenges/${saved.id}/edit`, { replace: true });
    } finally {
      setSending(null);
    }
  };

  const submit = async () => {
    setSending('submit');
    setFailure(null);
    try {
      // What the server would refuse the submission for is said at once, before anything is sent
      // or saved: the form's own hints and the required fields, by the rule the server applies.
      const checked = form.validate();
      const missing = missingChallengeFields(form.getValues());
      if (checked.hasErrors || missing.length > 0) {
        form.setErrors({
          ...Object.fromEntries(missing.map((field) => [field, t('challenges.form.requiredToSubmit')])),
          ...checked.errors,
        });
        if (missing.length > 0) {
          setFailure({ message: t('challenges.form.completeToSubmit'), missing, failed: [], unsent: true });
        }
        revealErrors();
        return;
      }
      const saved = await save();
      if (!saved) return;
      form.resetDirty();
      try {
        await fire(saved, 'SUBMIT', { text: '', targetCohortId: null });
        notifications.show({ color: 'teal', message: t('challenges.form.submitted') });
        void navigate(`/challenges/${saved.id}`);
      } catch (error) {
        const found = toProblem(error, t);
        // The saved draft says which required fields are still empty.
        const latest = await client
          .query({ query: ChallengeQuery, variables: { id: saved.id }, fetchPolicy: 'network-only' })
          .then((r) => r.data?.challenge ?? saved)
          .catch(() => saved);
        const next: SubmitFailure = { message: found.message, missing: latest.missingFields, failed: found.failed };
        if (!challenge) {
          void navigate(`/challenges/${saved.id}/edit`, { replace: true, state: { submitFailure: next } });
          return;
        }
        setFailure(next);
        form.setErrors(Object.fromEntries(next.missing.map((f) => [f, t('challenges.form.requiredToSubmit')])));
        revealErrors();
      }
    } finally {
      setSending(null);
    }
  };

  const reloadLatest = async () => {
    await reload();
    setProblem(null);
  };

  // Arriving from a first submission that failed: say so where the eye (and the focus) goes first.
  useEffect(() => {
    if (!initialFailure) return;
    const alert = document.getElementById(SUBMIT_FAILURE_ID);
    alert?.scrollIntoView({ block: 'center' });
    alert?.focus({ preventScroll: true });
  }, [initialFailure]);

  return { form, sending, problem, unplaced, failure, saveDraft, submit, reloadLatest };
}
