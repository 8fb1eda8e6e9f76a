import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorNotice } from '../components/Status';
import { useFormat } from '../i18n/format';
import { fetchRejects } from './requests';
import type { ImportJob, RejectedRow } from './types';

const POLL_MS = 500;
const SHOWN_REJECTS = 200;

/** Follows a job until it ends: its progress while it runs, then its summary or why it failed. */
export function JobReport({ job: submitted }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [job, setJob] = useState(submitted);
  const [error, setError] = useState<unknown>(null);
  const [rejects, setRejects] = useState<RejectedRow[] | null>(null);
  const done = job.status === 'completed' || job.status === 'failed';

  useEffect(() => {
    if (done) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api<ImportJob>(`/imports/${job.id}`, { signal: abort.signal }).then(
        setJob,
        (err: unknown) => {
          if (!abort.signal.aborted) setError(err);
        },
      );
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [job, done]);

  const rejected = job.summary?.rejected ?? 0;
  useEffect(() => {
    if (job.status !== 'completed' || rejected === 0) return;
    fetchRejects(job.id).then(setRejects, setError);
  }, [job.id, job.status, rejected]);

  const n = (x: number) => format.number(x);
  const s = job.summary;
  return (
    <section className="import-job" aria-labelledby={`${id}-h`} data-testid="import-job">
      <h2 id={`${id}-h`}>{t('imports.job.title', { name: job.fileName })}</h2>
      <p role="status" aria-live="polite" data-testid="import-status">
        {t(`imports.status.${job.status}`)}
        {job.progress &&
          ` ${t(`imports.phase.${job.progress.phase}`)} · ${t('imports.job.progress', {
            rows: n(job.progress.rows),
            merged: n(job.progress.merged),
          })}`}
      </p>
      {job.status === 'failed' && (
        <div className="notice error" role="alert" data-testid="import-failure">
          <strong>{t('imports.job.failed')}</strong> <span>{job.message ?? job.problem?.code}</span>
        </div>
      )}
      {s && (
        <table className="import-summary" data-testid="import-summary">
          <caption>{t('imports.summary.title')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('imports.summary.written')}</th>
              <th scope="col">{t('imports.summary.updated')}</th>
              <th scope="col">{t('imports.summary.unchanged')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('imports.summary.records')}</th>
              <td className="num">{n(s.records.written)}</td>
              <td className="num">{n(s.records.updated)}</td>
              <td className="num">{n(s.records.unchanged)}</td>
            </tr>
            <tr>
              <th scope="row">{t('imports.summary.links')}</th>
              <td className="num">{n(s.links.written)}</td>
              <td className="num">{n(s.links.updated)}</td>
              <td className="num">{n(s.links.unchanged)}</td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>
                {t('imports.summary.totals', {
                  rows: n(s.rows),
                  rejected: n(s.rejected),
                  seconds: format.number(Math.round(s.elapsedMs / 100) / 10),
                })}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      {rejects && rejects.length > 0 && <Rejects rows={rejects} total={rejected} />}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}

function Rejects({ rows, total }: { rows: RejectedRow[]; total: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const why = (r: RejectedRow) => {
    const p = r.problem.params ?? {};
    return p.column !== undefined
      ? t('imports.rejects.invalid', {
          column: p.column,
          value: p.value ?? '',
          expected: p.expected ?? '',
        })
      : r.problem.code;
  };
  return (
    <table className="import-rejects" data-testid="import-rejects">
      <caption>
        {t('imports.rejects.title', { count: total, formatted: format.number(total) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('imports.rejects.line')}</th>
          <th scope="col">{t('imports.rejects.problem')}</th>
          <th scope="col">{t('imports.rejects.raw')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, SHOWN_REJECTS).map((r) => (
          <tr key={r.line}>
            <td className="num">{format.number(r.line)}</td>
            <td>{why(r)}</td>
            <td>
              <code>{r.raw}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
