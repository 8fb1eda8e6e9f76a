import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Loaded } from '../api/use-api';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { MarkingTag } from '../marking/MarkingTag';
import { useTraceFormat } from '../traces/format';
import {
  answerTrace,
  Deadline,
  firearmText,
  PriorityLabel,
  RecordLink,
  runTraces,
  StatusBadge,
} from '../traces/parts';
import { useExplain } from '../traces/reasons';
import {
  CLOSING_STATUSES,
  isFinal,
  type ClosingStatus,
  type RankedCandidate,
  type TraceResult,
  type TraceView,
} from '../traces/types';
import { useTitle } from './use-title';

/** One trace read again on demand, or replaced by the answer a change returned. */
function useTrace(id: string) {
  const [loaded, setLoaded] = useState<Loaded<TraceView>>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    api<TraceView>(`/traces/${encodeURIComponent(id)}`, { signal: abort.signal }).then(
      (data) => setLoaded({ state: 'ready', data }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [id, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback((data: TraceView) => setLoaded({ state: 'ready', data }), []);
  return { loaded, reload, replace };
}

/** A message about a change made on the page, said in the language of the moment. */
type Notice = 'chosen' | 'closed' | 'run';

export function TracePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useTraceFormat();
  const { loaded, reload, replace } = useTrace(id);
  const [notice, setNotice] = useState<Notice | null>(null);
  useTitle(
    loaded.state === 'ready' ? firearmText(loaded.data.firearm, f, t) : t('traces.trace.title'),
  );
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error')
    return (
      <div>
        <h1>{t('traces.trace.title')}</h1>
        <ErrorNotice error={loaded.error} />
        <p>
          <Link to="/traces">{t('traces.trace.back')}</Link>
        </p>
      </div>
    );
  return (
    <TraceDetail
      key={id}
      trace={loaded.data}
      notice={notice}
      onChanged={(next, what) => {
        setNotice(what);
        if (next) replace(next);
        else reload();
      }}
    />
  );
}

function TraceDetail({
  trace,
  notice,
  onChanged,
}: {
  trace: TraceView;
  notice: Notice | null;
  onChanged: (next: TraceView | null, what: Notice) => void;
}) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const explain = useExplain();
  const tracer = trace.candidates !== undefined;
  const open = !isFinal(trace.status);
  const firearm = trace.firearm;
  const recovery = trace.recovery;
  const row = (label: string, value: string | undefined | null) =>
    value ? (
      <div>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;

  return (
    <article className="trace">
      <p>
        <Link to="/traces">{t('traces.trace.back')}</Link>
      </p>
      <h1>{firearmText(firearm, f, t)}</h1>
      <p className="meta">
        <StatusBadge status={trace.status} />
        <PriorityLabel priority={trace.priority} />
        <Deadline trace={trace} />
      </p>
      <p className="reason" data-testid="trace-reason">
        {explain(trace.reason)}
      </p>
      <p className="status" role="status" aria-live="polite" data-testid="trace-notice">
        {notice && t(`traces.trace.notice.${notice}`)}
      </p>

      <div className="trace-columns">
        <section aria-labelledby="trace-firearm">
          <h2 id="trace-firearm">{t('traces.trace.firearm')}</h2>
          <dl className="properties">
            {row(t('traces.field.firearm.make'), firearm.make)}
            {row(t('traces.field.firearm.model'), firearm.model)}
            {row(t('traces.field.firearm.type'), firearm.type && f.firearmType(firearm.type))}
            {row(t('traces.field.firearm.caliber'), firearm.caliber)}
            {row(t('traces.field.firearm.serialNumber'), firearm.serialNumber)}
            {row(
              t('traces.field.firearm.obliterated'),
              firearm.obliterated && t(`traces.form.obliteratedValue.${firearm.obliterated}`),
            )}
            {row(t('traces.field.firearm.importer'), firearm.importer)}
            {row(
              t('traces.field.firearm.countryOfManufacture'),
              firearm.countryOfManufacture && f.country(firearm.countryOfManufacture),
            )}
            {row(t('traces.trace.maker'), trace.maker)}
          </dl>
        </section>
        <section aria-labelledby="trace-recovery">
          <h2 id="trace-recovery">{t('traces.trace.recovery')}</h2>
          <dl className="properties">
            {row(t('traces.field.recovery.date'), recovery.date && f.day(recovery.date))}
            {row(
              t('traces.field.recovery.country'),
              recovery.country && f.country(recovery.country),
            )}
            {row(t('traces.field.recovery.state'), recovery.state)}
            {row(t('traces.field.recovery.place'), recovery.place)}
            {row(t('traces.field.recovery.caseNumber'), recovery.caseNumber)}
            {row(t('traces.field.recovery.circumstances'), recovery.circumstances)}
            {trace.people.map((p, i) => (
              <div key={i}>
                <dt>{t(`traces.role.${p.role}`, { defaultValue: p.role })}</dt>
                <dd>{p.name}</dd>
              </div>
            ))}
            {row(t('traces.trace.requestedBy'), `${trace.agency} · ${trace.officer}`)}
            {row(t('traces.trace.submittedAt'), f.moment(trace.submittedAt))}
          </dl>
        </section>
      </div>

      <ResultSection trace={trace} />

      <section aria-labelledby="trace-records">
        <h2 id="trace-records">{t('traces.records.title')}</h2>
        <ul className="links">
          {trace.recoveryId && (
            <RecordLink id={trace.recoveryId} role={t('traces.records.recovery')} />
          )}
          {trace.firearmId && (
            <RecordLink id={trace.firearmId} role={t('traces.records.firearm')} />
          )}
          {trace.result && (
            <>
              <RecordLink id={trace.result.firearmId} role={t('traces.records.sold')} />
              <RecordLink id={trace.result.saleId} role={t('traces.records.sale')} />
            </>
          )}
          {trace.result?.purchaser && (
            <RecordLink id={trace.result.purchaser.personId} role={t('traces.records.purchaser')} />
          )}
        </ul>
      </section>

      {tracer && open && trace.status === 'submitted' && (
        <RunOne id={trace.id} onRun={() => onChanged(null, 'run')} />
      )}
      {tracer && (trace.candidates?.length ?? 0) > 0 && (
        <Candidates trace={trace} canChoose={open} onChosen={(next) => onChanged(next, 'chosen')} />
      )}
      {tracer && open && <CloseForm id={trace.id} onClosed={(next) => onChanged(next, 'closed')} />}

      <History trace={trace} />
    </article>
  );
}

function ResultSection({ trace }: { trace: TraceView }) {
  const { t } = useTranslation();
  const result = trace.result;
  return (
    <section aria-labelledby="trace-result" className="trace-result" data-testid="trace-result">
      <h2 id="trace-result">{t('traces.result.title')}</h2>
      {result ? (
        <Result result={result} />
      ) : (
        <Empty>
          {isFinal(trace.status) ? t('traces.result.noSale') : t('traces.result.pending')}
        </Empty>
      )}
    </section>
  );
}

function Result({ result }: { result: TraceResult }) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const explain = useExplain();
  return (
    <>
      <dl className="properties">
        <div>
          <dt>{t('traces.result.dealer')}</dt>
          <dd data-testid="dealer">{result.dealer.name}</dd>
        </div>
        <div>
          <dt>{t('traces.result.license')}</dt>
          <dd>
            <code>{result.dealer.license}</code>
          </dd>
        </div>
        <div>
          <dt>{t('traces.result.state')}</dt>
          <dd>
            {result.dealer.state}
            {result.dealer.country && ` (${f.country(result.dealer.country)})`}
          </dd>
        </div>
        <div>
          <dt>{t('traces.result.saleDate')}</dt>
          <dd>
            <time dateTime={result.saleDate}>{f.day(result.saleDate)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('traces.result.timeToCrime')}</dt>
          <dd data-testid="time-to-crime">
            {t('traces.result.daysAndYears', {
              days: f.days(result.timeToCrimeDays),
              years: f.years(result.timeToCrimeDays),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('traces.result.tracedAt')}</dt>
          <dd>
            <time dateTime={result.tracedAt}>{f.moment(result.tracedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('traces.result.purchaser')}</dt>
          <dd data-testid="purchaser">
            {result.purchaser ? (
              <>
                <MarkingTag sharing={result.purchaser} />{' '}
                <Link to={`/records/${result.purchaser.personId}`}>{result.purchaser.name}</Link>
              </>
            ) : (
              <span className="withheld">{t('traces.result.purchaserWithheld')}</span>
            )}
          </dd>
        </div>
      </dl>
      <h3>{t('traces.result.indicators')}</h3>
      {result.indicators.length ? (
        <ul className="indicators" data-testid="indicators">
          {result.indicators.map((r, i) => (
            <li key={i} data-code={r.code}>
              {explain(r)}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t('traces.result.noIndicators')}</Empty>
      )}
      {result.reasons.length > 0 && (
        <>
          <h3>{t('traces.result.why')}</h3>
          <ul className="reasons">
            {result.reasons.map((r, i) => (
              <li key={i}>{explain(r)}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function RunOne({ id, onRun }: { id: string; onRun: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="run-one">
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          runTraces({ ids: [id] }).then(onRun, (err: unknown) => {
            setError(err);
            setBusy(false);
          });
        }}
      >
        {busy ? t('traces.run.busy') : t('traces.trace.runOne')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}

function Candidates({
  trace,
  canChoose,
  onChosen,
}: {
  trace: TraceView;
  canChoose: boolean;
  onChosen: (next: TraceView) => void;
}) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const explain = useExplain();
  const id = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const choose = async (c: RankedCandidate) => {
    setBusy(c.candidate.firearmId);
    setError(null);
    try {
      onChosen(
        await answerTrace(trace.id, {
          firearmId: c.candidate.firearmId,
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      );
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`} className="candidates">
      <h2 id={`${id}-h`}>{t('traces.candidates.title')}</h2>
      <p>{t('traces.candidates.intro')}</p>
      {canChoose && (
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('traces.candidates.note')}</label>
          <input
            id={`${id}-note`}
            type="text"
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <ol className="candidate-list">
        {(trace.candidates ?? []).map((c, i) => {
          const s = c.candidate;
          const action =
            busy === s.firearmId ? t('traces.candidates.busy') : t('traces.candidates.choose');
          // The name starts with the words on the button (WCAG 2.5.3, label in name).
          const label = t('traces.candidates.label', {
            action,
            rank: i + 1,
            serial: s.serialKey,
            dealer: s.dealerName,
          });
          return (
            <li key={s.firearmId} className="candidate" data-testid="candidate">
              <h3>
                {t('traces.candidates.rank', { rank: f.number(i + 1) })} <code>{s.serialKey}</code>{' '}
                <span className="score">
                  {t('traces.candidates.score', { score: f.number(c.score) })}
                </span>
              </h3>
              <p className="meta">
                <span>{[s.maker, s.model].filter(Boolean).join(' ')}</span>
                {s.type && <span>{f.firearmType(s.type)}</span>}
                {s.caliber && <span>{s.caliber}</span>}
                <span>{t('traces.candidates.soldOn', { date: f.day(s.saleDate) })}</span>
                <span>
                  {s.dealerName} · <code>{s.dealerLicense}</code> · {s.dealerState}
                </span>
                {s.multipleSale && <span>{t('traces.candidates.multipleSale')}</span>}
              </p>
              <ul className="reasons">
                {c.reasons.map((r, j) => (
                  <li key={j} className={r.code.endsWith('_differs') ? 'against' : 'for'}>
                    {r.code.endsWith('_differs') ? '✗ ' : '✓ '}
                    {explain(r)}
                  </li>
                ))}
              </ul>
              <p>
                <Link to={`/records/${s.firearmId}`}>{t('traces.records.soldFirearm')}</Link>
              </p>
              {canChoose && (
                <button
                  type="button"
                  disabled={busy !== null}
                  aria-label={label}
                  onClick={() => void choose(c)}
                >
                  {action}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function CloseForm({ id, onClosed }: { id: string; onClosed: (next: TraceView) => void }) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const fid = useId();
  const [status, setStatus] = useState<ClosingStatus>('no_record_found');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      document.getElementById(`${fid}-note`)?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      onClosed(await answerTrace(id, { status, note: note.trim() }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form
      className="close-trace"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${fid}-h`}
    >
      <h2 id={`${fid}-h`}>{t('traces.close.title')}</h2>
      <p>{t('traces.close.intro')}</p>
      <div className="field">
        <label htmlFor={`${fid}-status`}>{t('traces.close.status')}</label>
        <select
          id={`${fid}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as ClosingStatus)}
        >
          {CLOSING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {f.status(s)}
            </option>
          ))}
        </select>
      </div>
      <div className={`field wide${missing ? ' invalid' : ''}`}>
        <label htmlFor={`${fid}-note`}>
          {t('traces.close.note')}
          <span className="required"> {t('traces.form.required')}</span>
        </label>
        {missing && (
          <span id={`${fid}-error`} className="field-error">
            {t('traces.close.noteMissing')}
          </span>
        )}
        <textarea
          id={`${fid}-note`}
          rows={3}
          maxLength={1000}
          value={note}
          aria-invalid={missing}
          aria-describedby={missing ? `${fid}-error` : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <button type="submit" className="danger" disabled={busy}>
        {busy ? t('traces.close.busy') : t('traces.close.submit')}
      </button>
    </form>
  );
}

function History({ trace }: { trace: TraceView }) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const explain = useExplain();
  const events = trace.history ?? [];
  return (
    <section aria-labelledby="trace-history">
      <h2 id="trace-history">{t('traces.history.title')}</h2>
      {events.length === 0 ? (
        <Empty>{t('traces.history.empty')}</Empty>
      ) : (
        <ol className="timeline" data-testid="history">
          {events.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{f.moment(e.at)}</time> <StatusBadge status={e.status} />{' '}
              <span>{explain(e.reason)}</span>{' '}
              <span className="meta-inline">{t('traces.history.by', { agency: e.agency })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
