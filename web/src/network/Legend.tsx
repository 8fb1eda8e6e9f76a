import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { communityColour, KIND_COLOURS, MARKS } from './colors';
import { useNetworkFormat } from './format';
import type { Mark } from './marks';
import type { Colouring, NetworkStore, Snapshot } from './store';
import { NODE_KINDS } from './types';

const COMMUNITIES_SHOWN = 10;

/** The shape a highlight has on the canvas, drawn small for the legend and the panels. */
export function MarkSymbol({ mark }: { mark: Mark }) {
  const c = MARKS[mark];
  return (
    <svg className="mark-symbol" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
      <circle cx="9" cy="9" r="3.5" fill="#5b6470" />
      {mark === 'broker' && (
        <path d="M9 1 L17 9 L9 17 L1 9 Z" fill="none" stroke={c} strokeWidth="2" />
      )}
      {mark === 'leader' && <circle cx="9" cy="9" r="6.5" fill="none" stroke={c} strokeWidth="2" />}
      {mark === 'path' && (
        <circle
          cx="9"
          cy="9"
          r="6.5"
          fill="none"
          stroke={c}
          strokeWidth="2"
          strokeDasharray="3 2"
        />
      )}
      {mark === 'selected' && (
        <circle cx="9" cy="9" r="7.5" fill="none" stroke={c} strokeWidth="1.5" />
      )}
      {mark === 'removed' && <path d="M3 3 L15 15 M15 3 L3 15" stroke={c} strokeWidth="2" />}
    </svg>
  );
}

function Swatch({ colour }: { colour: string }) {
  return (
    <svg className="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <circle cx="7" cy="7" r="6" fill={colour} />
    </svg>
  );
}

/** What the colours and shapes on the canvas mean, in words. */
export function Legend({
  store,
  snapshot,
  colouring,
  onClear,
}: {
  store: NetworkStore;
  snapshot: Snapshot;
  colouring: Colouring;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const f = useNetworkFormat();
  const { version, look } = snapshot;
  const counts = useMemo(() => {
    void version;
    void look;
    const kinds = new Map<string, number>();
    const communities = new Map<number | null, number>();
    store.graph.forEachNode((_, a) => {
      kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
      communities.set(a.community, (communities.get(a.community) ?? 0) + 1);
    });
    return { kinds, communities };
  }, [store, version, look]);
  const communities = [...counts.communities]
    .filter((c): c is [number, number] => c[0] !== null)
    .sort((a, b) => a[0] - b[0]);
  const highlighted = store.focused;

  return (
    <div className="network-legend" data-testid="network-legend">
      <h2>{t('network.legend.title')}</h2>
      <ul>
        {colouring === 'kind' &&
          NODE_KINDS.filter((k) => counts.kinds.has(k)).map((k) => (
            <li key={k}>
              <Swatch colour={KIND_COLOURS[k]} /> {f.kind(k)}{' '}
              <span className="hint">{f.number(counts.kinds.get(k)!)}</span>
            </li>
          ))}
        {colouring === 'community' &&
          communities.slice(0, COMMUNITIES_SHOWN).map(([c, n]) => (
            <li key={c}>
              <Swatch colour={communityColour(c)} />{' '}
              {t('network.legend.community', { number: f.number(c) })}{' '}
              <span className="hint">{f.number(n)}</span>
            </li>
          ))}
        {colouring === 'community' && communities.length > COMMUNITIES_SHOWN && (
          <li className="hint">
            {t('network.legend.moreCommunities', {
              formatted: f.number(communities.length - COMMUNITIES_SHOWN),
            })}
          </li>
        )}
        {colouring === 'community' && counts.communities.has(null) && (
          <li>
            <Swatch colour={communityColour(null)} /> {t('network.legend.noCommunity')}
          </li>
        )}
      </ul>
      <ul>
        {(['selected', 'leader', 'broker', 'path', 'removed'] as const).map((m) => (
          <li key={m}>
            <MarkSymbol mark={m} /> {t(`network.legend.mark.${m}`)}
          </li>
        ))}
      </ul>
      {highlighted && (
        <button type="button" className="secondary" onClick={onClear}>
          {t('network.legend.clear')}
        </button>
      )}
    </div>
  );
}
