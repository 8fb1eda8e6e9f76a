import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import type { EntityHit, EntityKind, ReviewPair, Verdict } from '../api/types';
import { useApi } from '../api/use-api';
import { usePaged } from '../api/use-paged';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { UrlTabs } from '../components/UrlTabs';
import { useFormat } from '../i18n/format';
import {
  ActionError,
  decide,
  ENTITY_KINDS,
  kindLabelKey,
  MarkedRecord,
  pairKey,
  useMatchFormat,
} from './EntityParts';
import { useTitle } from './use-title';

const VIEWS = ['find', 'review'] as const;
const VERDICTS: readonly Verdict[] = ['same', 'different', 'unsure'];

/**
 * Persons and organizations across agencies: find one by name, fuzzily, or judge the pairs the
 * resolver is unsure of. The tab and the search live in the address bar.
 */
export function EntitiesPage() {
  const { t } = useTranslation();
  useTitle(t('entities.title'));
  return (
    <div className="entities-page">
      <h1>{t('entities.title')}</h1>
      <p>{t('entities.intro')}</p>
      <UrlTabs views={VIEWS} label={t('entities.tabs')} labelKey={(v) => `entities.tab.${v}`}>
        {(view) => (view === 'find' ? <FindEntities /> : <ReviewQueue />)}
      </UrlTabs>
    </div>
  );
}

function FindEntities() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kindParam = params.get('kind');
  const kind = ENTITY_KINDS.find((k) => k === kindParam);
  const [text, setText] = useState(q);
  const [kindDraft, setKindDraft] = useState<EntityKind | ''>(kind ?? '');
  // Back and forward change the address, and the form follows it.
  useEffect(() => setText(q), [q]);
  useEffect(() => setKindDraft(kind ?? ''), [kind]);

  const hits = useApi<{ items: EntityHit[] }>(
    q ? withQuery('/entities', { q, kind, limit: '20' }) : null,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(withQuery('', { q: text.trim(), kind: kindDraft }).replace(/^\?/, ''));
  };

  return (
    <>
      <form role="search" onSubmit={submit} className="search-form entity-search">
        <label htmlFor={`${id}-q`}>{t('entities.find.label')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('entities.find.placeholder')}
        />
        <label htmlFor={`${id}-kind`}>{t('entities.find.kind')}</label>
        <select
          id={`${id}-kind`}
          value={kindDraft}
          onChange={(e) => setKindDraft(e.target.value as EntityKind | '')}
        >
          <option value="">{t('entities.find.anyKind')}</option>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(kindLabelKey(k))}
            </option>
          ))}
        </select>
        <button type="submit">{t('entities.find.submit')}</button>
      </form>
      <section aria-labelledby={`${id}-results`} className="results">
        {/* Named by a heading too, so that the hits' own headings come under it. */}
        <h2 id={`${id}-results`} className="visually-hidden">
          {t('entities.find.results')}
        </h2>
        {!q && <Empty>{t('entities.find.prompt')}</Empty>}
        {q && hits.state === 'loading' && <Loading />}
        {q && hits.state === 'error' && <ActionError error={hits.error} />}
        {q && hits.state === 'ready' && (
          <>
            <p className="total" role="status">
              {t('entities.find.total', {
                count: hits.data.items.length,
                formatted: format.number(hits.data.items.length),
              })}
            </p>
            {hits.data.items.length === 0 && <Empty>{t('entities.find.noMatch', { q })}</Empty>}
            {hits.data.items.map((hit) => (
              <EntityHitItem key={hit.id} hit={hit} />
            ))}
          </>
        )}
      </section>
    </>
  );
}

function EntityHitItem({ hit }: { hit: EntityHit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const match = useMatchFormat();
  return (
    <article className="record-summary entity-hit" data-testid="entity-hit">
      <MarkedRecord id={hit.id}>
        {() => (
          <>
            <h3>
              <Link to={`/entities/${hit.id}`}>{hit.caption}</Link>
            </h3>
            <p className="meta">
              <span>{t(kindLabelKey(hit.kind))}</span>
              <span>
                {t('entities.recordCount', {
                  count: hit.records,
                  formatted: format.number(hit.records),
                })}
              </span>
              <span>{t('entities.find.score', { score: match.percent(hit.score) })}</span>
            </p>
          </>
        )}
      </MarkedRecord>
    </article>
  );
}

function ReviewQueue() {
  const { t } = useTranslation();
  const pairs = usePaged<ReviewPair>('/entities/review?limit=20');
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  // The last verdict, kept as what to say so that it follows a change of language. The pair's
  // captions are not repeated: their markings left the screen with them.
  const [done, setDone] = useState<{ verdict: Verdict } | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const shown = pairs.items.filter((p) => !removed.has(pairKey(p.a.id, p.b.id)));

  const judged = (pair: ReviewPair, verdict: Verdict) => {
    setRemoved((r) => new Set(r).add(pairKey(pair.a.id, pair.b.id)));
    setDone({ verdict });
    // The pair's buttons are gone: keep the keyboard in the list, not at the top of the page.
    list.current?.focus();
  };

  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{t('entities.review.title')}</h2>
      <p>{t('entities.review.intro')}</p>
      <p className="status" role="status" aria-live="polite">
        {done && t('entities.review.recorded', { verdict: t(`entities.verdict.${done.verdict}`) })}
      </p>
      {pairs.error !== null && <ErrorNotice error={pairs.error} />}
      <div ref={list} tabIndex={-1} className="review-list">
        {shown.map((p) => (
          <ReviewItem key={pairKey(p.a.id, p.b.id)} pair={p} onJudged={judged} />
        ))}
      </div>
      {pairs.loading && <Loading />}
      {!pairs.loading && pairs.error === null && shown.length === 0 && (
        <Empty>{t('entities.review.empty')}</Empty>
      )}
      {pairs.loadMore && (
        <button type="button" className="more" onClick={pairs.loadMore}>
          {t('entities.review.more')}
        </button>
      )}
    </section>
  );
}

function ReviewItem({
  pair,
  onJudged,
}: {
  pair: ReviewPair;
  onJudged: (pair: ReviewPair, verdict: Verdict) => void;
}) {
  const { t } = useTranslation();
  const match = useMatchFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const judge = async (verdict: Verdict) => {
    setBusy(true);
    setError(null);
    try {
      await decide(pair.a.id, pair.b.id, verdict);
      onJudged(pair, verdict);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const names = { a: pair.a.caption, b: pair.b.caption };
  return (
    <article className="review-pair" data-testid="review-pair">
      <div className="review-sides">
        {[pair.a, pair.b].map((side) => (
          <div key={side.id} className="review-side">
            <MarkedRecord id={side.id}>
              {() => (
                <>
                  <h3>
                    <Link to={`/records/${side.id}`}>{side.caption}</Link>
                  </h3>
                  <p className="meta">
                    <span>{t(`model:schema.${side.schema}`, { defaultValue: side.schema })}</span>
                    <span>{t('record.fromAgency', { agency: side.agency })}</span>
                    <Link to={`/entities/${side.id}`}>{t('entities.review.openEntity')}</Link>
                  </p>
                </>
              )}
            </MarkedRecord>
          </div>
        ))}
      </div>
      <p className="meta">
        <span>{t('entities.probability', { value: match.percent(pair.probability) })}</span>
        <Link to={withQuery(`/entities/${pair.a.id}`, { with: pair.b.id })}>
          {t('entities.review.compare')}
        </Link>
      </p>
      <div role="group" aria-label={t('entities.review.decide', names)} className="verdicts">
        {VERDICTS.map((v) => (
          <button
            key={v}
            type="button"
            disabled={busy}
            className={`verdict-${v}`}
            onClick={() => void judge(v)}
          >
            {t(`entities.verdict.${v}`)}
          </button>
        ))}
      </div>
      {error !== null && <ActionError error={error} />}
    </article>
  );
}
