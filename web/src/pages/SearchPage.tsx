import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import type { Agency, FacetResult, RecordView } from '../api/types';
import { useApi } from '../api/use-api';
import { usePaged } from '../api/use-paged';
import { FacetGroup, type FacetOption } from '../components/FacetGroup';
import { RecordSummary } from '../components/RecordSummary';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { useFormat } from '../i18n/format';
import { TlpLabel } from '../marking/MarkingTag';
import { useTitle } from './use-title';

const LISTS = ['schema', 'agency', 'country'] as const;
const PAGE_SIZE = '20';

/** The search lives in the address bar, so a search can be bookmarked, shared and gone back to. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? '',
    schema: params.getAll('schema'),
    agency: params.getAll('agency'),
    country: params.getAll('country'),
    dateFrom: params.get('dateFrom') ?? '',
    dateTo: params.get('dateTo') ?? '',
  };
  const update = (change: Partial<typeof filters>) => {
    const next = { ...filters, ...change };
    setParams(withQuery('', next).replace(/^\?/, ''));
  };
  return { filters, update };
}

export function SearchPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const { filters, update } = useFilters();
  const [text, setText] = useState(filters.q);
  // Back and forward change the address, and the box follows it.
  useEffect(() => setText(filters.q), [filters.q]);
  useTitle(t('search.title'));

  const query = { ...filters, q: filters.q || undefined };
  const facets = useApi<FacetResult>(withQuery('/records/facets', query));
  const results = usePaged<RecordView>(
    withQuery(filters.q ? '/search' : '/records', { ...query, limit: PAGE_SIZE }),
  );
  const agencies = useApi<Agency[]>('/agencies');
  const agencyName = (code: string) =>
    agencies.state === 'ready' ? (agencies.data.find((a) => a.code === code)?.name ?? code) : code;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim() });
  };
  const toggle = (facet: (typeof LISTS)[number], value: string) => {
    const current = filters[facet];
    update({
      [facet]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value],
    });
  };
  const year = /^(\d{4})-01-01$/.exec(filters.dateFrom)?.[1];
  const selectedYear = year && filters.dateTo === `${year}-12-31` ? year : undefined;

  const counts = facets.state === 'ready' ? facets.data.facets : {};
  const options = (facet: string, label: (v: string) => string): FacetOption[] =>
    (counts[facet] ?? []).map((f) => ({ value: f.value, count: f.count, label: label(f.value) }));

  return (
    <div className="search-page">
      <h1>{t('search.title')}</h1>
      <form role="search" onSubmit={submit} className="search-form">
        <label htmlFor={`${id}-q`}>{t('search.label')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('search.placeholder')}
        />
        <button type="submit">{t('search.submit')}</button>
      </form>
      <div className="search-layout">
        <aside aria-label={t('search.facets')} className="facets">
          {facets.state === 'error' && <ErrorNotice error={facets.error} />}
          {LISTS.map((facet) => (
            <FacetGroup
              key={facet}
              title={t(`facet.${facet}`)}
              options={options(facet, (v) =>
                facet === 'schema'
                  ? t(`model:schema.${v}`)
                  : facet === 'agency'
                    ? `${v} · ${agencyName(v)}`
                    : format.country(v),
              )}
              selected={filters[facet]}
              onToggle={(v) => toggle(facet, v)}
            />
          ))}
          <FacetGroup
            title={t('facet.year')}
            options={options('year', (v) => v)}
            selected={selectedYear ? [selectedYear] : []}
            onToggle={(v) =>
              update(
                v === selectedYear
                  ? { dateFrom: '', dateTo: '' }
                  : { dateFrom: `${v}-01-01`, dateTo: `${v}-12-31` },
              )
            }
          />
          <fieldset className="dates">
            <legend>{t('facet.dates')}</legend>
            <label htmlFor={`${id}-from`}>{t('facet.dateFrom')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={filters.dateFrom}
              onChange={(e) => update({ dateFrom: e.target.value })}
            />
            <label htmlFor={`${id}-to`}>{t('facet.dateTo')}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={filters.dateTo}
              onChange={(e) => update({ dateTo: e.target.value })}
            />
          </fieldset>
          <section className="facet">
            <h2>{t('facet.marking')}</h2>
            <ul>
              {(counts.marking ?? []).map((f) => (
                <li key={f.value}>
                  <TlpLabel marking={f.value} /> {format.number(f.count)}
                </li>
              ))}
            </ul>
          </section>
        </aside>
        <section aria-labelledby={`${id}-results`} className="results">
          {/* Named by a heading too, so that the results' own headings come under it. */}
          <h2 id={`${id}-results`} className="visually-hidden">
            {t('search.results')}
          </h2>
          {facets.state === 'ready' && (
            <p className="total" role="status">
              {t('search.total', {
                count: facets.data.total,
                formatted: format.number(facets.data.total),
              })}
            </p>
          )}
          {results.error !== null && <ErrorNotice error={results.error} />}
          {results.items.map((r) => (
            <RecordSummary key={r.id} record={r} />
          ))}
          {results.loading && <Loading />}
          {!results.loading && results.error === null && results.items.length === 0 && (
            <Empty>{filters.q ? t('search.noMatch', { q: filters.q }) : t('search.empty')}</Empty>
          )}
          {results.loadMore && (
            <button type="button" className="more" onClick={results.loadMore}>
              {t('search.more')}
            </button>
          )}
        </section>
      </div>
    </div>
  );
}
