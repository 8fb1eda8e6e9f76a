import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorNotice } from '../components/Status';
import { JobReport } from '../imports/JobReport';
import { PastImports } from '../imports/PastImports';
import { submitImport } from '../imports/requests';
import type { ImportJob } from '../imports/types';
import { TLP_ORDER } from '../marking/marking';
import { useTitle } from './use-title';

const FORMATS = ['csv', 'ndjson', 'json'] as const;

const EXAMPLE_MAPPING = `records:
  - key: seizure
    schema: Seizure
    id: 'SEIZ-{ID}'
    properties:
      date: { column: FECHA, date: DD/MM/YYYY }
      drug: { column: DROGA, map: { FENTANILO: 'fentanyl powder' } }
      portOfEntry: { column: ADUANA }
      country: { value: MX }`;

/**
 * A partner file (CSV, NDJSON or JSON) uploaded with the agency's marking and releasability,
 * read natively or through a mapping, then followed as a job: progress, summary, rejected rows.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const id = useId();
  useTitle(t('imports.title'));
  const [file, setFile] = useState<File | null>(null);
  const [marking, setMarking] = useState('');
  const [rel, setRel] = useState('');
  const [recipients, setRecipients] = useState('');
  const [format, setFormat] = useState('');
  const [useMapping, setUseMapping] = useState(false);
  const [mapping, setMapping] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [uploaded, setUploaded] = useState('');

  const loadMapping = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (chosen) setMapping(await chosen.text());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setRefusal(null);
    setJob(null);
    try {
      const started = await submitImport({
        file,
        marking,
        rel,
        recipients,
        format,
        mapping: useMapping ? mapping : undefined,
        skipInvalid,
      });
      setJob(started);
      setUploaded(started.id);
    } catch (err) {
      setRefusal(err);
    } finally {
      setBusy(false);
    }
  };

  const problems = refusal instanceof ApiError ? (refusal.problem.errors ?? []) : [];
  return (
    <div className="import-page">
      <h1>{t('imports.title')}</h1>
      <p>{t('imports.intro')}</p>
      <form className="import-form" onSubmit={(e) => void submit(e)} aria-label={t('imports.form')}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('imports.file.label')}</label>
          <span id={`${id}-file-hint`} className="hint">
            {t('imports.file.hint')}
          </span>
          <input
            id={`${id}-file`}
            type="file"
            required
            accept=".csv,.tsv,.txt,.ndjson,.jsonl,.json,text/csv,application/json"
            aria-describedby={`${id}-file-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <fieldset>
          <legend>{t('imports.sharing.legend')}</legend>
          <div className="field">
            <label htmlFor={`${id}-marking`}>{t('imports.sharing.marking')}</label>
            <select
              id={`${id}-marking`}
              value={marking}
              onChange={(e) => setMarking(e.target.value)}
            >
              <option value="">{t('imports.sharing.fromFile')}</option>
              {TLP_ORDER.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-rel`}>{t('imports.sharing.rel')}</label>
            <span id={`${id}-rel-hint`} className="hint">
              {t('imports.sharing.relHint')}
            </span>
            <input
              id={`${id}-rel`}
              type="text"
              value={rel}
              aria-describedby={`${id}-rel-hint`}
              onChange={(e) => setRel(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-recipients`}>{t('imports.sharing.recipients')}</label>
            <span id={`${id}-recipients-hint`} className="hint">
              {t('imports.sharing.recipientsHint')}
            </span>
            <input
              id={`${id}-recipients`}
              type="text"
              value={recipients}
              aria-describedby={`${id}-recipients-hint`}
              onChange={(e) => setRecipients(e.target.value)}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('imports.mapping.legend')}</legend>
          <div className="field checkbox">
            <input
              id={`${id}-native`}
              type="radio"
              name={`${id}-mapping`}
              checked={!useMapping}
              onChange={() => setUseMapping(false)}
            />
            <label htmlFor={`${id}-native`}>{t('imports.mapping.none')}</label>
          </div>
          <div className="field checkbox">
            <input
              id={`${id}-mapped`}
              type="radio"
              name={`${id}-mapping`}
              checked={useMapping}
              onChange={() => setUseMapping(true)}
            />
            <label htmlFor={`${id}-mapped`}>{t('imports.mapping.some')}</label>
          </div>
          {useMapping && (
            <>
              <div className="field">
                <label htmlFor={`${id}-mapping-text`}>{t('imports.mapping.text')}</label>
                <span id={`${id}-mapping-hint`} className="hint">
                  {t('imports.mapping.hint')}
                </span>
                <textarea
                  id={`${id}-mapping-text`}
                  rows={12}
                  required
                  spellCheck={false}
                  value={mapping}
                  placeholder={EXAMPLE_MAPPING}
                  aria-describedby={`${id}-mapping-hint`}
                  onChange={(e) => setMapping(e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-mapping-file`}>{t('imports.mapping.load')}</label>
                <input
                  id={`${id}-mapping-file`}
                  type="file"
                  accept=".yaml,.yml,.json,application/json,application/yaml"
                  onChange={(e) => void loadMapping(e)}
                />
              </div>
            </>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('imports.format.label')}</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value)}>
            <option value="">{t('imports.format.auto')}</option>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`imports.format.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input
            id={`${id}-skip`}
            type="checkbox"
            checked={skipInvalid}
            aria-describedby={`${id}-skip-hint`}
            onChange={(e) => setSkipInvalid(e.target.checked)}
          />
          <label htmlFor={`${id}-skip`}>{t('imports.skip.label')}</label>
          <span id={`${id}-skip-hint`} className="hint">
            {t('imports.skip.hint')}
          </span>
        </div>
        <button type="submit" disabled={busy || !file}>
          {busy ? t('imports.busy') : t('imports.submit')}
        </button>
      </form>
      {refusal !== null && (
        <div className="action-error" data-testid="import-refused">
          <ErrorNotice error={refusal} />
          {problems.length > 0 && (
            <ul className="problem-list">
              {problems.map((p, i) => (
                <li key={i}>
                  {t('imports.refused.problem', {
                    field: p.field ?? p.code,
                    value: p.value ?? '',
                    expected: p.expected ?? p.code,
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {job && <JobReport key={job.id} job={job} />}
      {/* A new upload reloads the list, so it shows on top. */}
      <PastImports key={`past-${uploaded}`} onShow={setJob} />
    </div>
  );
}
