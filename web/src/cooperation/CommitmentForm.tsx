import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../components/Status';
import { useUser } from '../session/session';
import {
  Field,
  FieldProblems,
  ProblemSummary,
  SharingFieldset,
  sharingBody,
  useFormProblems,
  type SharingInput,
} from './fields';
import { useCoopFormat } from './format';
import { createCommitment, listedProblems, type FieldProblem } from './requests';
import {
  INDICATORS,
  PARTY_COUNTRIES,
  TOPICS,
  type CommitmentInput,
  type CommitmentView,
  type MeetingSummary,
} from './types';

interface Values {
  meetingId: string;
  text: string;
  topic: string;
  leadCountry: string;
  leadAgency: string;
  partnerCountries: string[];
  dueDate: string;
  indicator: string;
  target: string;
}

const FIELDS = [
  'meetingId',
  'text',
  'topic',
  'leadCountry',
  'leadAgency',
  'partnerCountries',
  'dueDate',
  'indicator.name',
  'indicator.target',
  'marking',
  'recipientAgencies',
] as const;

/** A field as the server names it, without list positions: partnerCountries[1] → partnerCountries. */
const baseField = (field: string) => {
  const f = field.replace(/\[\d+\]/g, '');
  return f === 'indicator' ? 'indicator.name' : f === 'relCountries' ? 'marking' : f;
};

/**
 * A commitment agreed at a meeting: what, on which topic, who leads it and with whom, by when,
 * optionally the indicator that measures it, and its marking. The server's problems (a missing
 * lead, a due date before the meeting, a country that was not there) are shown at their fields.
 */
export function CommitmentForm({
  meeting,
  onCreated,
}: {
  /** The meeting it is agreed at; without it the form asks. */
  meeting?: MeetingSummary;
  onCreated?: (c: CommitmentView) => void;
}) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const me = useUser();
  const id = useId();
  const meetings = useApi<Page<MeetingSummary>>(meeting ? null : '/meetings?limit=200');
  const initial = (): Values => ({
    meetingId: meeting?.id ?? '',
    text: '',
    topic: meeting?.topics[0] ?? '',
    leadCountry: me.country,
    leadAgency: me.agency,
    partnerCountries: [],
    dueDate: '',
    indicator: '',
    target: '',
  });
  const [values, setValues] = useState<Values>(initial);
  const [sharing, setSharing] = useState<SharingInput>({
    marking: 'TLP:GREEN',
    relCountries: [],
    recipientAgencies: me.agency,
  });
  const { problems, show, clear, summary } = useFormProblems();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CommitmentView | null>(null);

  const at = (field: string) => problems.filter((p) => p.field && baseField(p.field) === field);
  const fieldId = (field: string) => `${id}-${field.replace(/\./g, '-')}`;
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const chosen =
    meeting ??
    (meetings.state === 'ready'
      ? meetings.data.items.find((m) => m.id === values.meetingId)
      : undefined);
  const countries = chosen?.countries.length ? chosen.countries : [...PARTY_COUNTRIES];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setDone(null);
    const own: FieldProblem[] = [];
    const target = values.target.trim() === '' ? NaN : Number(values.target.replace(',', '.'));
    if (values.indicator && !Number.isFinite(target))
      own.push({ code: 'invalid_target', field: 'indicator.target', value: values.target });
    if (own.length) return show(own);
    const body: CommitmentInput = {
      meetingId: values.meetingId,
      text: values.text.trim(),
      topic: values.topic,
      leadCountry: values.leadCountry,
      leadAgency: values.leadAgency.trim(),
      partnerCountries: values.partnerCountries.filter((c) => c !== values.leadCountry),
      dueDate: values.dueDate,
      ...(values.indicator ? { indicator: { name: values.indicator, target } } : {}),
      ...sharingBody(sharing),
    };
    // Empty fields are left out: the server says what is missing, all at once.
    const sent = Object.fromEntries(
      Object.entries(body).filter(([, v]) => v !== ''),
    ) as unknown as CommitmentInput;
    setBusy(true);
    try {
      const created = await createCommitment(sent);
      clear();
      setValues({ ...initial(), meetingId: values.meetingId, topic: values.topic });
      setDone(created);
      onCreated?.(created);
    } catch (err) {
      const listed = listedProblems(err);
      if (listed) show(listed);
      else {
        clear();
        setFailure(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const label = (field: string) => t(`cooperation.field.${baseField(field)}`);

  return (
    <form
      className="coop-form commitment-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-h`}
    >
      <h2 id={`${id}-h`}>{t('cooperation.commitmentForm.title')}</h2>
      <p>{t('cooperation.commitmentForm.intro')}</p>
      <ProblemSummary
        problems={problems}
        summary={summary}
        label={label}
        fieldId={(field) =>
          (FIELDS as readonly string[]).includes(baseField(field))
            ? fieldId(baseField(field))
            : undefined
        }
      />
      {failure !== null && <ErrorNotice error={failure} />}
      <p className="status" role="status" aria-live="polite" data-testid="commitment-status">
        {done && (
          <>
            {t('cooperation.commitmentForm.done')}{' '}
            <Link to={`/cooperation/commitments/${done.id}`}>
              {t('cooperation.commitmentForm.open')}
            </Link>
          </>
        )}
      </p>
      <fieldset>
        <legend>{t('cooperation.commitmentForm.what')}</legend>
        {!meeting && (
          <Field
            id={fieldId('meetingId')}
            label={label('meetingId')}
            problems={at('meetingId')}
            required
            wide
          >
            {(props) => (
              <select
                {...props}
                value={values.meetingId}
                onChange={(e) => set('meetingId', e.target.value)}
              >
                <option value="">{t('cooperation.commitmentForm.chooseMeeting')}</option>
                {meetings.state === 'ready' &&
                  meetings.data.items.map((m) => (
                    <option key={m.id} value={m.id}>
                      {[m.date ? f.day(m.date) : '', m.name ?? m.caption]
                        .filter(Boolean)
                        .join(' · ')}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        )}
        <Field id={fieldId('text')} label={label('text')} problems={at('text')} required wide>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              maxLength={10000}
              value={values.text}
              onChange={(e) => set('text', e.target.value)}
            />
          )}
        </Field>
        <Field id={fieldId('topic')} label={label('topic')} problems={at('topic')} required>
          {(props) => (
            <select {...props} value={values.topic} onChange={(e) => set('topic', e.target.value)}>
              <option value="">{t('cooperation.form.choose')}</option>
              {TOPICS.map((topic) => (
                <option key={topic} value={topic}>
                  {f.topic(topic)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fieldId('dueDate')} label={label('dueDate')} problems={at('dueDate')} required>
          {(props) => (
            <input
              {...props}
              type="date"
              value={values.dueDate}
              onChange={(e) => set('dueDate', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('cooperation.commitmentForm.who')}</legend>
        <Field
          id={fieldId('leadCountry')}
          label={label('leadCountry')}
          problems={at('leadCountry')}
          required
        >
          {(props) => (
            <select
              {...props}
              value={values.leadCountry}
              onChange={(e) => set('leadCountry', e.target.value)}
            >
              <option value="">{t('cooperation.form.choose')}</option>
              {[...new Set([...countries, values.leadCountry].filter(Boolean))].map((c) => (
                <option key={c} value={c}>
                  {f.country(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId('leadAgency')}
          label={label('leadAgency')}
          hint={t('cooperation.commitmentForm.agencyHint')}
          problems={at('leadAgency')}
          required
        >
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={200}
              value={values.leadAgency}
              onChange={(e) => set('leadAgency', e.target.value)}
            />
          )}
        </Field>
        <fieldset
          className={`choices${at('partnerCountries').length ? ' invalid' : ''}`}
          id={fieldId('partnerCountries')}
          tabIndex={-1}
          aria-describedby={
            at('partnerCountries').length ? `${fieldId('partnerCountries')}-error` : undefined
          }
        >
          <legend>{label('partnerCountries')}</legend>
          {at('partnerCountries').length > 0 && (
            <FieldProblems
              id={`${fieldId('partnerCountries')}-error`}
              problems={at('partnerCountries')}
            />
          )}
          {countries
            .filter((c) => c !== values.leadCountry)
            .map((c) => (
              <span key={c} className="choice">
                <input
                  id={`${id}-partner-${c}`}
                  type="checkbox"
                  checked={values.partnerCountries.includes(c)}
                  onChange={(e) =>
                    set(
                      'partnerCountries',
                      e.target.checked
                        ? [...values.partnerCountries, c]
                        : values.partnerCountries.filter((x) => x !== c),
                    )
                  }
                />
                <label htmlFor={`${id}-partner-${c}`}>{f.country(c)}</label>
              </span>
            ))}
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>{t('cooperation.commitmentForm.measure')}</legend>
        <Field
          id={fieldId('indicator.name')}
          label={label('indicator.name')}
          hint={t('cooperation.commitmentForm.indicatorHint')}
          problems={at('indicator.name')}
        >
          {(props) => (
            <select
              {...props}
              value={values.indicator}
              onChange={(e) => set('indicator', e.target.value)}
            >
              <option value="">{t('cooperation.commitmentForm.noIndicator')}</option>
              {INDICATORS.map((name) => (
                <option key={name} value={name}>
                  {f.indicator(name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {values.indicator && (
          <Field
            id={fieldId('indicator.target')}
            label={label('indicator.target')}
            hint={t(`cooperation.targetHint.${values.indicator}`)}
            problems={at('indicator.target')}
            required
          >
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                value={values.target}
                onChange={(e) => set('target', e.target.value)}
              />
            )}
          </Field>
        )}
      </fieldset>
      <SharingFieldset idPrefix={id} value={sharing} onChange={setSharing} at={at} />
      <button type="submit" disabled={busy}>
        {busy ? t('cooperation.form.busy') : t('cooperation.commitmentForm.submit')}
      </button>
    </form>
  );
}
