import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, withQuery } from '../api/client';
import type {
  Agency,
  EntityView,
  Judgement,
  MatchExplanation,
  RecordView,
  Verdict,
} from '../api/types';
import { useApi, type Loaded } from '../api/use-api';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { useFormat } from '../i18n/format';
import { MarkingTag } from '../marking/MarkingTag';
import { PropertyValue } from '../model/PropertyValue';
import {
  ActionError,
  decide,
  kindLabelKey,
  MarkedRecord,
  pairKey,
  useMatchFormat,
  UUID_PATTERN,
} from './EntityParts';
import { useTitle } from './use-title';

/** A message about a change, said in the language of the moment. */
type Say = (t: TFunction, format: ReturnType<typeof useFormat>) => string;

/** What tells people and organizations apart, in the order analysts compare them. */
const KEY_PROPERTIES = [
  'name',
  'alias',
  'firstName',
  'middleName',
  'lastName',
  'birthDate',
  'birthPlace',
  'curp',
  'nationality',
  'citizenship',
  'gender',
  'passportNumber',
  'idNumber',
  'registrationNumber',
  'taxNumber',
  'jurisdiction',
  'phone',
  'email',
];

/**
 * Reads a path again whenever `version` changes, keeping what it showed until the new answer
 * arrives (a change made on the page does not blank it); a new path starts from loading.
 */
function useReloadable<T>(path: string | null, version: number): Loaded<T> {
  const [loaded, setLoaded] = useState<{ path: string | null; value: Loaded<T> }>({
    path,
    value: { state: 'loading' },
  });
  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    setLoaded((old) => (old.path === path ? old : { path, value: { state: 'loading' } }));
    api<T>(path, { signal: abort.signal }).then(
      (data) => setLoaded({ path, value: { state: 'ready', data } }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ path, value: { state: 'error', error } });
      },
    );
    return () => abort.abort();
  }, [path, version]);
  return loaded.path === path ? loaded.value : { state: 'loading' };
}

/** One person or organization: the records of every agency behind it, and why they match. */
export function EntityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const [version, setVersion] = useState(0);
  // What the last change did, said once the page shows its result (maybe another entity's).
  // Kept as words to say, not said, so that it follows a change of language.
  const [notice, setNotice] = useState<{ forId: string; say: Say } | null>(null);
  const entity = useReloadable<EntityView>(`/entities/${encodeURIComponent(id)}`, version);
  useTitle(entity.state === 'ready' ? entity.data.caption : t('entity.title'));
  if (entity.state === 'loading') return <Loading />;
  if (entity.state === 'error')
    return (
      <div>
        <h1>{t('entity.title')}</h1>
        <ErrorNotice error={entity.error} />
        <p>
          <Link to="/entities">{t('entity.backToEntities')}</Link>
        </p>
      </div>
    );
  return (
    <EntityDetail
      key={id}
      entity={entity.data}
      urlId={id}
      version={version}
      reload={() => setVersion((v) => v + 1)}
      notice={notice?.forId === id ? notice.say(t, format) : ''}
      onNotice={(say, forId = id) => setNotice({ forId, say })}
    />
  );
}

function EntityDetail({
  entity,
  urlId,
  version,
  reload,
  notice,
  onNotice,
}: {
  entity: EntityView;
  urlId: string;
  version: number;
  reload: () => void;
  notice: string;
  onNotice: (say: Say, forId?: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const withId = params.get('with');
  const [pair, setPair] = useState<{ a: string; b: string } | null>(
    withId && withId !== urlId ? { a: urlId, b: withId } : null,
  );
  const agencies = useApi<Agency[]>('/agencies');
  const agencyName = (code: string) =>
    agencies.state === 'ready' ? agencies.data.find((a) => a.code === code)?.name : undefined;
  const byId = new Map(entity.records.map((r) => [r.id, r]));
  const caption = (recordId: string) => byId.get(recordId)?.caption;
  const changed = (message: Say) => {
    onNotice(message);
    reload();
  };

  return (
    <article className="entity">
      <h1>{entity.caption}</h1>
      <p className="meta">
        <span>{t(kindLabelKey(entity.kind))}</span>
        <span>
          {t('entities.recordCount', {
            count: entity.records.length,
            formatted: format.number(entity.records.length),
          })}
        </span>
        <span>
          {t('entity.agencies', {
            list: format.list([...new Set(entity.records.map((r) => r.agency))]),
          })}
        </span>
        <Link to={`/network?entity=${entity.id}`}>{t('network.openFromEntity')}</Link>
      </p>
      <p className="status" role="status" aria-live="polite" data-testid="entity-status">
        {notice}
      </p>
      {entity.truncated && <p className="notice">{t('entity.truncated')}</p>}

      <RecordsSection
        entity={entity}
        agencyName={agencyName}
        onSplit={(split) => {
          setPair(null);
          const message: Say = (t, format) =>
            t('entity.split.done', { count: split.length, formatted: format.number(split.length) });
          // The page's own id went with the records split off: follow those that stay.
          if (split.includes(urlId)) {
            const first = entity.records.find((r) => !split.includes(r.id));
            if (first) {
              onNotice(message, first.id);
              void navigate(`/entities/${first.id}`, { replace: true });
              return;
            }
          }
          changed(message);
        }}
      />

      <PairsSection
        entity={entity}
        caption={caption}
        selected={pair}
        onSelect={(a, b) =>
          setPair(pair && pairKey(a, b) === pairKey(pair.a, pair.b) ? null : { a, b })
        }
      />

      {pair && (
        <Explanation
          key={pairKey(pair.a, pair.b)}
          a={pair.a}
          b={pair.b}
          caption={caption}
          version={version}
          onDecided={(verdict) =>
            changed((t) => t('entity.decision.done', { verdict: t(`entities.verdict.${verdict}`) }))
          }
        />
      )}

      <Decisions decisions={entity.decisions} caption={caption} />

      <MergeForm entity={entity} onMerged={() => changed((t) => t('entity.merge.done'))} />
    </article>
  );
}

function RecordsSection({
  entity,
  agencyName,
  onSplit,
}: {
  entity: EntityView;
  agencyName: (code: string) => string | undefined;
  onSplit: (split: string[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const splittable = entity.records.length > 1;
  // Only records still in the entity count (a reload may have moved some away).
  const chosen = entity.records.filter((r) => selected.has(r.id)).map((r) => r.id);
  const canSplit = chosen.length > 0 && chosen.length < entity.records.length;

  const toggle = (recordId: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(recordId)) next.delete(recordId);
      else next.add(recordId);
      return next;
    });
  const split = async (e: FormEvent) => {
    e.preventDefault();
    if (!canSplit) return;
    setBusy(true);
    setError(null);
    try {
      await api<Judgement[]>(`/entities/${encodeURIComponent(entity.id)}/split`, {
        method: 'POST',
        body: { records: chosen, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setSelected(new Set());
      setNote('');
      onSplit(chosen);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-records`}>
      <h2 id={`${id}-records`}>{t('entity.records.title')}</h2>
      <div className="entity-records">
        {entity.records.map((r) => (
          <EntityRecord
            key={r.id}
            record={r}
            agencyName={agencyName(r.agency)}
            selectable={splittable}
            selected={selected.has(r.id)}
            onToggle={() => toggle(r.id)}
          />
        ))}
      </div>
      {splittable ? (
        <form className="filters split-form" onSubmit={(e) => void split(e)}>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('entity.note')}</label>
            <input
              id={`${id}-note`}
              type="text"
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <button type="submit" disabled={!canSplit || busy} aria-describedby={`${id}-hint`}>
            {busy
              ? t('entity.split.busy')
              : t('entity.split.submit', { count: chosen.length || 1 })}
          </button>
          <p id={`${id}-hint`} className="hint">
            {t('entity.split.hint')}
          </p>
        </form>
      ) : (
        <p className="hint">{t('entity.split.single')}</p>
      )}
      {error !== null && <ActionError error={error} />}
    </section>
  );
}

function EntityRecord({
  record,
  agencyName,
  selectable,
  selected,
  onToggle,
}: {
  record: RecordView;
  agencyName?: string;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const properties = KEY_PROPERTIES.filter((p) => (record.properties[p] ?? []).length > 0);
  return (
    <article className="entity-record" data-testid="entity-record" aria-labelledby={id}>
      {selectable && (
        <label className="select">
          <input type="checkbox" checked={selected} onChange={onToggle} />{' '}
          {t('entity.records.select')}
          <span className="visually-hidden"> {record.caption}</span>
        </label>
      )}
      <MarkingTag sharing={record} />
      <h3 id={id}>
        <Link to={`/records/${record.id}`}>{record.caption}</Link>
      </h3>
      <dl className="provenance">
        <dt>{t('entity.records.schema')}</dt>
        <dd>{t(`model:schema.${record.schema}`, { defaultValue: record.schema })}</dd>
        <dt>{t('record.source')}</dt>
        <dd data-testid="agency">
          {record.agency}
          {agencyName && ` · ${agencyName}`}
        </dd>
        {record.sourceRef && (
          <>
            <dt>{t('record.sourceRef')}</dt>
            <dd>{record.sourceRef}</dd>
          </>
        )}
        {properties.map((name) => (
          <div key={name} className="property">
            <dt>{t(`model:property.${name}`, { defaultValue: name })}</dt>
            <dd>
              {(record.properties[name] ?? []).map((v, i) => (
                <span key={i} className="value">
                  <PropertyValue schema={record.schema} name={name} value={v} />
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      {record.retracted && <p className="retracted">{t('record.retracted')}</p>}
      <p>
        <Link to={`/records/${record.id}`}>{t('entity.records.open')}</Link>
      </p>
    </article>
  );
}

function PairsSection({
  entity,
  caption,
  selected,
  onSelect,
}: {
  entity: EntityView;
  caption: (id: string) => string | undefined;
  selected: { a: string; b: string } | null;
  onSelect: (a: string, b: string) => void;
}) {
  const { t } = useTranslation();
  const match = useMatchFormat();
  const id = useId();
  const decisions = new Map(entity.decisions.map((d) => [pairKey(d.a, d.b), d.verdict]));
  const pairs = [...entity.pairs].sort((x, y) => y.probability - x.probability);
  return (
    <section aria-labelledby={`${id}-pairs`}>
      <h2 id={`${id}-pairs`}>{t('entity.pairs.title')}</h2>
      {pairs.length === 0 ? (
        <Empty>{t('entity.pairs.empty')}</Empty>
      ) : (
        <table className="pairs">
          <caption className="visually-hidden">{t('entity.pairs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('entity.pairs.records')}</th>
              <th scope="col">{t('entity.pairs.probability')}</th>
              <th scope="col">{t('entity.pairs.weight')}</th>
              <th scope="col">{t('entity.pairs.decision')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('entity.pairs.explain')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p) => {
              const key = pairKey(p.a, p.b);
              const verdict = decisions.get(key);
              const isSelected = selected !== null && pairKey(selected.a, selected.b) === key;
              const names = { a: caption(p.a) ?? p.a, b: caption(p.b) ?? p.b };
              return (
                <tr key={key} data-testid="entity-pair" aria-selected={isSelected}>
                  <td>{t('entity.pairs.between', names)}</td>
                  <td>{match.percent(p.probability)}</td>
                  <td>{match.bits(p.weight)}</td>
                  <td>{verdict ? t(`entities.verdict.${verdict}`) : t('entity.pairs.none')}</td>
                  <td>
                    <button
                      type="button"
                      aria-pressed={isSelected}
                      onClick={() => onSelect(p.a, p.b)}
                    >
                      {t('entity.pairs.explain')}
                      <span className="visually-hidden"> {t('entity.pairs.between', names)}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A side of an explained pair: the entity's own record, or another one read with its marking. */
function PairSide({ id, caption }: { id: string; caption?: string }) {
  if (caption) return <Link to={`/records/${id}`}>{caption}</Link>;
  return (
    <MarkedRecord id={id}>
      {(r) => (
        <>
          {' '}
          <Link to={`/records/${id}`}>{r.caption}</Link>
        </>
      )}
    </MarkedRecord>
  );
}

function Explanation({
  a,
  b,
  caption,
  version,
  onDecided,
}: {
  a: string;
  b: string;
  caption: (id: string) => string | undefined;
  version: number;
  onDecided: (verdict: Verdict) => void;
}) {
  const { t } = useTranslation();
  const match = useMatchFormat();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const explained = useReloadable<MatchExplanation>(withQuery('/match/explain', { a, b }), version);
  // Opening an explanation takes the reader to it.
  useEffect(() => heading.current?.focus(), []);

  const judge = async (verdict: Verdict) => {
    setBusy(true);
    setError(null);
    try {
      await decide(a, b, verdict, note.trim() || undefined);
      setNote('');
      onDecided(verdict);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="explanation" aria-labelledby={`${id}-title`} data-testid="explanation">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('entity.explain.title')}
      </h2>
      <p>
        <PairSide id={a} caption={caption(a)} /> <span aria-hidden="true">↔</span>{' '}
        <span className="visually-hidden">{t('entity.explain.and')}</span>{' '}
        <PairSide id={b} caption={caption(b)} />
      </p>
      {explained.state === 'loading' && <Loading />}
      {explained.state === 'error' && <ActionError error={explained.error} />}
      {explained.state === 'ready' && <ExplanationTable e={explained.data} />}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('entity.note')}</label>
          <input
            id={`${id}-note`}
            type="text"
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="button" disabled={busy} onClick={() => void judge('same')}>
          {t('entity.decision.confirm')}
        </button>
        <button
          type="button"
          disabled={busy}
          className="danger"
          onClick={() => void judge('different')}
        >
          {t('entity.decision.reject')}
        </button>
        <button
          type="button"
          disabled={busy}
          className="secondary"
          onClick={() => void judge('unsure')}
        >
          {t('entity.decision.unsure')}
        </button>
      </form>
      {error !== null && <ActionError error={error} />}
      {explained.state === 'ready' && (
        <p className="hint">
          {t('entity.explain.threshold', { value: match.percent(explained.data.matchProbability) })}
        </p>
      )}
    </section>
  );
}

function ExplanationTable({ e }: { e: MatchExplanation }) {
  const { t } = useTranslation();
  const match = useMatchFormat();
  return (
    <>
      <table className="features" data-testid="features">
        <caption className="visually-hidden">{t('entity.explain.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('entity.explain.feature')}</th>
            <th scope="col">{t('entity.explain.level')}</th>
            <th scope="col" className="num">
              <abbr title={t('entity.explain.mHelp')}>m</abbr>
            </th>
            <th scope="col" className="num">
              <abbr title={t('entity.explain.uHelp')}>u</abbr>
            </th>
            <th scope="col" className="num">
              {t('entity.explain.bits')}
            </th>
            <th scope="col" className="num">
              {t('entity.explain.frequency')}
            </th>
          </tr>
        </thead>
        <tbody>
          {e.features.map((f) => (
            <tr key={f.feature}>
              <th scope="row">{t(`entities.feature.${f.feature}`, { defaultValue: f.feature })}</th>
              <td>{t(`entities.level.${f.level}`, { defaultValue: f.level })}</td>
              <td className="num">{match.share(f.m)}</td>
              <td className="num">{match.share(f.u)}</td>
              <td className="num">{match.bits(f.weight)}</td>
              <td className="num">
                {match.bits(f.frequencyAdjustment)}
                {f.value !== undefined && (
                  <span className="hint">
                    {' '}
                    {f.frequency !== undefined
                      ? t('entity.explain.valueShare', {
                          value: f.value,
                          share: match.percent(f.frequency),
                        })
                      : t('entity.explain.value', { value: f.value })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {t('entity.explain.total')}
            </th>
            <td className="num">{match.bits(e.weight)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <dl className="provenance summary" data-testid="explanation-summary">
        <dt>{t('entity.explain.prior')}</dt>
        <dd>{match.bits(e.priorWeight)}</dd>
        <dt>{t('entity.explain.withPrior')}</dt>
        <dd>
          {match.bits(e.weight + e.priorWeight)}{' '}
          <span className="hint">
            {t('entity.explain.needed', { value: match.bits(e.matchWeight) })}
          </span>
        </dd>
        <dt>{t('entity.explain.probability')}</dt>
        <dd data-testid="probability">{match.percent(e.probability)}</dd>
        <dt>{t('entity.explain.conflict')}</dt>
        <dd className={e.conflict ? 'retracted' : undefined}>
          {e.conflict ? t(`entities.conflict.${e.conflict}`) : t('entity.explain.noConflict')}
        </dd>
        <dt>{t('entity.explain.decision')}</dt>
        <dd>
          {e.decision
            ? t(`entities.verdict.${e.decision}`, { defaultValue: e.decision })
            : t('entity.pairs.none')}
        </dd>
        <dt>{t('entity.explain.outcome')}</dt>
        <dd>{e.sameEntity ? t('entity.explain.same') : t('entity.explain.apart')}</dd>
      </dl>
    </>
  );
}

function Decisions({
  decisions,
  caption,
}: {
  decisions: EntityView['decisions'];
  caption: (id: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-decisions`}>
      <h2 id={`${id}-decisions`}>{t('entity.decisions.title')}</h2>
      {decisions.length === 0 ? (
        <Empty>{t('entity.decisions.empty')}</Empty>
      ) : (
        <ul className="decisions" data-testid="decisions">
          {decisions.map((d) => (
            <li key={pairKey(d.a, d.b)}>
              <strong>{t(`entities.verdict.${d.verdict}`, { defaultValue: d.verdict })}</strong>
              {': '}
              {t('entity.pairs.between', { a: caption(d.a) ?? d.a, b: caption(d.b) ?? d.b })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MergeForm({ entity, onMerged }: { entity: EntityView; onMerged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [other, setOther] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // A pasted address works as well as a bare id.
    const recordId = new RegExp(UUID_PATTERN).exec(other)?.[0];
    if (!recordId) return;
    setBusy(true);
    setError(null);
    try {
      await api<Judgement[]>('/entities/merge', {
        method: 'POST',
        body: { a: entity.id, b: recordId, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setOther('');
      setNote('');
      onMerged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-merge`}>
      <h2 id={`${id}-merge`}>{t('entity.merge.title')}</h2>
      <p>{t('entity.merge.intro')}</p>
      <form className="filters" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-other`}>{t('entity.merge.recordId')}</label>
          <input
            id={`${id}-other`}
            type="text"
            required
            pattern={`.*${UUID_PATTERN}.*`}
            title={t('entity.merge.format')}
            aria-describedby={`${id}-format`}
            value={other}
            onChange={(e) => setOther(e.target.value)}
            size={40}
          />
          <span id={`${id}-format`} className="hint">
            {t('entity.merge.format')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('entity.note')}</label>
          <input
            id={`${id}-note`}
            type="text"
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('entity.merge.busy') : t('entity.merge.submit')}
        </button>
      </form>
      {error !== null && <ActionError error={error} />}
    </section>
  );
}
