import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorNotice } from '../components/Status';
import { Field, ProblemSummary, useFormProblems } from './fields';
import { useCoopFormat } from './format';
import { addProgress, listedProblems } from './requests';
import { STATUSES, type CommitmentView } from './types';

const FIELDS = ['status', 'note', 'evidence'];
const baseField = (field: string) => field.replace(/\[\d+\]/g, '');

/**
 * A progress update: the status now, what was done or is pending, and the records that show it.
 * It becomes a new version of the commitment; a done or dropped one takes no more (409).
 */
export function ProgressForm({
  commitment,
  onUpdated,
  onStale,
}: {
  commitment: CommitmentView;
  onUpdated: (c: CommitmentView) => void;
  /** The commitment changed meanwhile (409): read it again. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const id = useId();
  // The status chosen for this version; once the commitment moves on, its own status again.
  const [choice, setChoice] = useState<{ version: number; status: string } | null>(null);
  const status = choice?.version === commitment.version ? choice.status : commitment.status;
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const { problems, show, clear, summary } = useFormProblems();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const at = (field: string) => problems.filter((p) => p.field && baseField(p.field) === field);
  const fieldId = (field: string) => `${id}-${field}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setDone(false);
    const ids = evidence
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    setBusy(true);
    try {
      const updated = await addProgress(commitment.id, {
        ...(status !== commitment.status ? { status } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(ids.length ? { evidence: ids } : {}),
        expectedVersion: commitment.version,
      } as { note: string });
      clear();
      setNote('');
      setEvidence('');
      setDone(true);
      onUpdated(updated);
    } catch (err) {
      const listed = listedProblems(err);
      if (listed) show(listed);
      else {
        clear();
        setFailure(err);
        // Someone updated or closed it meanwhile: show it as it is now, the message stays.
        if (err instanceof ApiError && err.problem.status === 409) onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="coop-form progress-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-h`}
    >
      <h2 id={`${id}-h`}>{t('cooperation.progressForm.title')}</h2>
      <ProblemSummary
        problems={problems}
        summary={summary}
        label={(field) => t(`cooperation.field.${baseField(field)}`, { defaultValue: field })}
        fieldId={(field) =>
          FIELDS.includes(baseField(field)) ? fieldId(baseField(field)) : undefined
        }
      />
      {failure !== null && <ErrorNotice error={failure} />}
      <p className="status" role="status" aria-live="polite" data-testid="progress-status">
        {done && t('cooperation.progressForm.done')}
      </p>
      <Field id={fieldId('status')} label={t('cooperation.field.status')} problems={at('status')}>
        {(props) => (
          <select
            {...props}
            value={status}
            onChange={(e) => setChoice({ version: commitment.version, status: e.target.value })}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {f.status(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={fieldId('note')}
        label={t('cooperation.field.note')}
        hint={t('cooperation.progressForm.noteHint')}
        problems={at('note')}
        required
        wide
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            maxLength={10000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <Field
        id={fieldId('evidence')}
        label={t('cooperation.field.evidence')}
        hint={t('cooperation.progressForm.evidenceHint')}
        problems={at('evidence')}
        wide
      >
        {(props) => (
          <input
            {...props}
            type="text"
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? t('cooperation.form.busy') : t('cooperation.progressForm.submit')}
      </button>
    </form>
  );
}
