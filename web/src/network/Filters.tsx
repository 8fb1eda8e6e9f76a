import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNetworkFormat } from './format';
import { HOPS, isFiltered, MAX_NODES, type Scope } from './scope';
import { NODE_KINDS, TIE_TYPES, type NodeKind } from './types';

const toggle = <T,>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/**
 * Which part of the network to read: hops from the entity, how many nodes at most, node kinds,
 * tie types and a date window. Applying them reads the network again (they live in the address).
 */
export function Filters({ scope, onApply }: { scope: Scope; onApply: (scope: Scope) => void }) {
  const { t } = useTranslation();
  const f = useNetworkFormat();
  const id = useId();
  const [draft, setDraft] = useState(scope);
  const set = (change: Partial<Scope>) => setDraft((d) => ({ ...d, ...change }));
  const badWindow = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!badWindow) onApply(draft);
  };
  const clear = () => {
    const cleared = { ...draft, kinds: [], ties: [], from: '', to: '' };
    setDraft(cleared);
    onApply(cleared);
  };

  return (
    <form className="network-filters" aria-label={t('network.filters.title')} onSubmit={submit}>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-hops`}>{t('network.filters.hops')}</label>
          <select
            id={`${id}-hops`}
            value={draft.hops}
            onChange={(e) => set({ hops: Number(e.target.value) })}
          >
            {HOPS.map((h) => (
              <option key={h} value={h}>
                {f.number(h)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`}>{t('network.filters.maxNodes')}</label>
          <select
            id={`${id}-max`}
            value={draft.maxNodes}
            onChange={(e) => set({ maxNodes: Number(e.target.value) })}
          >
            {MAX_NODES.map((m) => (
              <option key={m} value={m}>
                {f.number(m)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('network.filters.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={(e) => set({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('network.filters.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            aria-invalid={badWindow || undefined}
            aria-describedby={badWindow ? `${id}-window` : undefined}
            onChange={(e) => set({ to: e.target.value })}
          />
        </div>
        <button type="submit" disabled={badWindow}>
          {t('network.filters.apply')}
        </button>
        {isFiltered(scope) && (
          <button type="button" className="secondary" onClick={clear}>
            {t('network.filters.clear')}
          </button>
        )}
      </div>
      {badWindow && (
        <p id={`${id}-window`} className="field-error" role="alert">
          {t('network.filters.badWindow')}
        </p>
      )}
      <details className="network-choices">
        <summary>
          {t('network.filters.kinds', {
            chosen: draft.kinds.length ? f.list(draft.kinds.map(f.kind)) : t('network.filters.all'),
          })}
        </summary>
        <fieldset>
          <legend className="visually-hidden">{t('network.filters.kindsLegend')}</legend>
          {NODE_KINDS.map((k: NodeKind) => (
            <label key={k} className="choice">
              <input
                type="checkbox"
                checked={draft.kinds.includes(k)}
                onChange={() => set({ kinds: toggle(draft.kinds, k) })}
              />{' '}
              {f.kind(k)}
            </label>
          ))}
        </fieldset>
      </details>
      <details className="network-choices">
        <summary>
          {t('network.filters.ties', {
            chosen: draft.ties.length ? f.list(draft.ties.map(f.tie)) : t('network.filters.all'),
          })}
        </summary>
        <fieldset>
          <legend className="visually-hidden">{t('network.filters.tiesLegend')}</legend>
          {TIE_TYPES.map((type) => (
            <label key={type} className="choice">
              <input
                type="checkbox"
                checked={draft.ties.includes(type)}
                onChange={() => set({ ties: toggle(draft.ties, type) })}
              />{' '}
              {f.tie(type)}
            </label>
          ))}
        </fieldset>
      </details>
    </form>
  );
}
