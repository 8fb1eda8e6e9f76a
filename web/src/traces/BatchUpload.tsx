import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorNotice } from '../components/Status';
import { useFormat } from '../i18n/format';
import { parseBatch, type FileProblem, type ParsedBatch } from './parse-batch';
import { isForbidden, submitTraces } from './parts';
import { useProblemText } from './reasons';
import { MAX_BATCH, prepareRequest, REQUEST_FIELDS } from './requests';
import type { FieldProblem, TraceRequestInput } from './types';

interface Read {
  name: string;
  batch: ParsedBatch;
  requests: TraceRequestInput[];
  /** Problems found before sending, each with its request's line (1-based). */
  problems: FieldProblem[];
}

const EXAMPLE_CSV = [
  'priority,firearm.make,firearm.model,firearm.type,firearm.caliber,firearm.serialNumber,recovery.date,recovery.country,recovery.state,recovery.place,people[0].role,people[0].name',
  'urgent,Colt,AR-15,rifle,5.56x45mm,LW012345,2020-06-01,MX,Tamaulipas,Reynosa,possessor,Juan Pérez',
].join('\n');

/**
 * A file of trace requests (JSON, NDJSON or CSV) read in the browser and sent as one batch,
 * all or nothing. Every problem is listed with its line in the file and its field.
 */
export function BatchUpload({ onSubmitted }: { onSubmitted?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const explain = useProblemText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [read, setRead] = useState<Read | null>(null);
  const [reading, setReading] = useState(false);
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<number | null>(null);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setServerProblems([]);
    setFailure(null);
    setSubmitted(null);
    if (!file) return setRead(null);
    setReading(true);
    try {
      const batch = parseBatch(file.name, await file.text());
      const requests: TraceRequestInput[] = [];
      const problems: FieldProblem[] = [];
      batch.requests.forEach((raw, i) => {
        const prepared = prepareRequest(raw);
        requests.push(prepared.request);
        problems.push(...prepared.problems.map((p) => ({ ...p, line: i + 1 })));
      });
      setRead({ name: file.name, batch, requests, problems });
    } catch (err) {
      setFailure(err);
      setRead(null);
    } finally {
      setReading(false);
    }
  };

  const send = async () => {
    if (!read) return;
    setBusy(true);
    setFailure(null);
    setServerProblems([]);
    try {
      const out = await submitTraces(read.requests);
      setSubmitted(out.submitted);
      setRead(null);
      if (input.current) input.current.value = '';
      onSubmitted?.();
    } catch (err) {
      const listed: FieldProblem[] = err instanceof ApiError ? (err.problem.errors ?? []) : [];
      if (listed.length && err instanceof ApiError && [409, 422].includes(err.problem.status)) {
        // A single request is sent without its batch: its problems are those of line 1.
        setServerProblems(listed.map((p) => ({ ...p, line: p.line ?? 1 })));
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const fileProblem = (p: FileProblem) =>
    t(`traces.batch.file.${p.code}`, { line: p.line ?? '', value: p.value ?? '' });

  const problems = read ? [...read.problems, ...serverProblems] : serverProblems;
  const tooMany = read !== null && read.requests.length > MAX_BATCH;
  const blocked =
    !read ||
    read.requests.length === 0 ||
    read.problems.length > 0 ||
    read.batch.problems.length > 0 ||
    tooMany ||
    busy;
  const fileLine = (line: number | undefined) =>
    line !== undefined ? (read?.batch.lines[line - 1] ?? line) : undefined;

  return (
    <section className="batch-upload" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('traces.batch.title')}</h2>
      <p>{t('traces.batch.intro', { max: format.number(MAX_BATCH) })}</p>
      <details className="columns">
        <summary>{t('traces.batch.columns')}</summary>
        <p>{t('traces.batch.columnsIntro')}</p>
        <p>
          <code>
            {[...Object.keys(REQUEST_FIELDS), 'people[0].role', 'people[0].name'].join(', ')}
          </code>
        </p>
        <pre className="example">{EXAMPLE_CSV}</pre>
      </details>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('traces.batch.file.label')}</label>
        <span id={`${id}-hint`} className="hint">
          {t('traces.batch.file.hint')}
        </span>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".json,.ndjson,.jsonl,.csv,.tsv,application/json,text/csv"
          aria-describedby={`${id}-hint`}
          onChange={(e) => void choose(e)}
        />
      </div>
      <div role="status" aria-live="polite" className="status" data-testid="batch-status">
        {reading && t('traces.batch.reading')}
        {read &&
          t('traces.batch.read', {
            count: read.requests.length,
            formatted: format.number(read.requests.length),
            name: read.name,
            format: t(`traces.batch.format.${read.batch.format}`),
          })}
        {submitted !== null && (
          <>
            {t('traces.batch.submitted', { count: submitted, formatted: format.number(submitted) })}{' '}
            <Link to="/traces">{t('traces.batch.toQueue')}</Link>
          </>
        )}
      </div>
      {read && read.batch.problems.length > 0 && (
        <div className="notice error" role="alert">
          <ul>
            {read.batch.problems.map((p, i) => (
              <li key={i}>{fileProblem(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {tooMany && (
        <p className="notice error" role="alert">
          {t('traces.batch.tooMany', { max: format.number(MAX_BATCH) })}
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert" className="batch-problems">
          <p className="notice error">
            {t('traces.batch.problems', {
              count: problems.length,
              formatted: format.number(problems.length),
            })}
          </p>
          <table data-testid="batch-problems">
            <thead>
              <tr>
                <th scope="col">{t('traces.batch.line')}</th>
                <th scope="col">{t('traces.batch.field')}</th>
                <th scope="col">{t('traces.batch.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>
                    {read?.batch.format === 'json'
                      ? t('traces.batch.requestNumber', { n: p.line ?? '' })
                      : t('traces.batch.fileLine', { n: fileLine(p.line) ?? '' })}
                  </td>
                  <td>
                    <code>{p.field}</code>
                  </td>
                  <td>
                    {explain(p)}
                    {p.code === 'duplicate_request' && p.value && (
                      <>
                        {' '}
                        <Link to={`/traces/${p.value}`}>{t('traces.problem.openEarlier')}</Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {failure !== null && (
        <div className="action-error">
          <ErrorNotice error={failure} />
          {isForbidden(failure) && <p className="hint">{t('traces.form.forbidden')}</p>}
        </div>
      )}
      <button type="button" disabled={blocked} onClick={() => void send()}>
        {busy
          ? t('traces.batch.busy')
          : t('traces.batch.submit', {
              count: read?.requests.length ?? 0,
              formatted: format.number(read?.requests.length ?? 0),
            })}
      </button>
    </section>
  );
}
