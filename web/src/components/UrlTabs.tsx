import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * Tabs whose choice lives in the address bar (`?view=`; the first tab has none), so a view can be
 * linked and survives a reload. Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab goes on
 * into the panel.
 */
export function UrlTabs<V extends string>({
  views,
  labelKey,
  label,
  children,
}: {
  views: readonly V[];
  /** The translation key of a tab: labelKey(view). */
  labelKey: (view: V) => string;
  label: string;
  children: (view: V) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const view: V = views.find((v) => v === params.get('view')) ?? views[0]!;
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const show = (next: V) => {
    const p = new URLSearchParams(params);
    if (next === views[0]) p.delete('view');
    else p.set('view', next);
    setParams(p);
  };
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = views[(views.indexOf(view) + step + views.length) % views.length]!;
    show(next);
    tabs.current[views.indexOf(next)]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKey}>
        {views.map((v, i) => (
          <button
            key={v}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${v}`}
            aria-selected={view === v}
            aria-controls={`${id}-panel`}
            tabIndex={view === v ? 0 : -1}
            onClick={() => show(v)}
          >
            {t(labelKey(v))}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${view}`}
        className="tab-panel"
      >
        {children(view)}
      </div>
    </>
  );
}
