import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/** Counts of one facet; pressing a value filters by it, pressing it again removes the filter. */
export function FacetGroup({
  title,
  options,
  selected,
  onToggle,
}: {
  title: string;
  options: FacetOption[];
  selected: string[];
  onToggle: (value: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  // A selected value stays visible (to be removed) even when it now counts nothing.
  const shown = [
    ...options,
    ...selected
      .filter((v) => !options.some((o) => o.value === v))
      .map((v) => ({ value: v, label: v, count: 0 })),
  ];
  if (shown.length === 0) return null;
  return (
    <section className="facet">
      <h2>{title}</h2>
      <ul>
        {shown.map((o) => (
          <li key={o.value}>
            <button
              type="button"
              aria-pressed={selected.includes(o.value)}
              onClick={() => onToggle(o.value)}
              title={t('facet.toggle', { value: o.label })}
            >
              <span className="facet-label">{o.label}</span>{' '}
              <span className="count">{format.number(o.count)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
