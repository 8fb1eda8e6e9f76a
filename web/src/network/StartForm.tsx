import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import type { EntityHit } from '../api/types';
import { useApi } from '../api/use-api';
import { Empty, Loading } from '../components/Status';
import { MarkedRecord, UUID_PATTERN } from '../pages/EntityParts';
import { useNetworkFormat } from './format';
import { NetworkError } from './parts';

/** A record or entity id, or a phone/vehicle/firearm/address node (phone:+52…). */
const isReference = (s: string) =>
  new RegExp(`^${UUID_PATTERN}$`).test(s) || /^(phone|vehicle|firearm|address):/.test(s);

/**
 * Where the explorer starts: an entity or record id (pasted, or from an entity page's "Open in
 * network"), or a name to find the person or organization first.
 */
export function StartForm({ entity, onOpen }: { entity: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useNetworkFormat();
  const id = useId();
  const [text, setText] = useState(entity);
  const [query, setQuery] = useState('');
  useEffect(() => setText(entity), [entity]);
  const hits = useApi<{ items: EntityHit[] }>(
    query ? withQuery('/entities', { q: query, limit: '10' }) : null,
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A pasted address works as well as a bare id.
    const value = text.trim();
    const ref = new RegExp(UUID_PATTERN).exec(value)?.[0];
    if (isReference(value)) onOpen(value);
    else if (ref && value.includes('/')) onOpen(ref);
    else if (value) setQuery(value);
  };

  return (
    <div className="network-start">
      <form
        role="search"
        aria-label={t('network.start.search')}
        className="search-form"
        onSubmit={submit}
      >
        <label htmlFor={`${id}-entity`}>{t('network.start.label')}</label>
        <input
          id={`${id}-entity`}
          type="search"
          value={text}
          maxLength={300}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t('network.start.submit')}</button>
      </form>
      <p id={`${id}-hint`} className="hint">
        {t('network.start.hint')}
      </p>
      {query && hits.state === 'loading' && <Loading />}
      {query && hits.state === 'error' && <NetworkError error={hits.error} />}
      {query && hits.state === 'ready' && (
        <section aria-label={t('network.start.results')} className="network-hits">
          {hits.data.items.length === 0 && (
            <Empty>{t('network.start.noMatch', { q: query })}</Empty>
          )}
          <ul>
            {hits.data.items.map((hit) => (
              <li key={hit.id} data-testid="network-hit">
                <MarkedRecord id={hit.id}>
                  {() => (
                    <>
                      {' '}
                      <button type="button" className="link-button" onClick={() => onOpen(hit.id)}>
                        {t('network.start.open', { name: hit.caption })}
                      </button>{' '}
                      <span className="hint">
                        {t(`network.kind.${hit.kind}`)} ·{' '}
                        {t('network.start.records', {
                          count: hit.records,
                          formatted: f.number(hit.records),
                        })}
                      </span>
                    </>
                  )}
                </MarkedRecord>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
