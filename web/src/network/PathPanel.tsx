import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Status';
import { useNetworkFormat } from './format';
import { NetworkError, NodeMarking, ShownMarkings } from './parts';
import { edgeKey, type NetworkStore } from './store';
import { PATH_MODES, type PathMode, type PathResult } from './types';
import type { Action } from './use-action';

/** How two entities connect: the fewest hops or the strongest ties, drawn on the graph. */
export function PathPanel({
  store,
  ends,
  mode,
  action,
  onEnds,
  onMode,
  onFind,
  onSelect,
}: {
  store: NetworkStore;
  ends: { a: string; b: string };
  mode: PathMode;
  action: Action<PathResult>;
  onEnds: (ends: { a: string; b: string }) => void;
  onMode: (mode: PathMode) => void;
  onFind: () => void;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ends.a.trim() && ends.b.trim()) onFind();
  };
  const named = (ref: string) => store.node(ref.trim())?.label;
  return (
    <section aria-labelledby={`${id}-h`} data-testid="path-panel">
      <h2 id={`${id}-h`}>{t('network.path.title')}</h2>
      <p>{t('network.path.intro')}</p>
      <form className="filters path-form" onSubmit={submit}>
        {(['a', 'b'] as const).map((end) => (
          <div className="field" key={end}>
            <label htmlFor={`${id}-${end}`}>
              {t(end === 'a' ? 'network.path.from' : 'network.path.to')}
            </label>
            <input
              id={`${id}-${end}`}
              type="text"
              required
              size={30}
              maxLength={300}
              value={ends[end]}
              aria-describedby={`${id}-${end}-name`}
              onChange={(e) => onEnds({ ...ends, [end]: e.target.value })}
            />
            <span id={`${id}-${end}-name`} className="hint" data-testid={`path-${end}`}>
              {named(ends[end]) ??
                (ends[end] ? t('network.path.notOnGraph') : t('network.path.pick'))}
            </span>
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-mode`}>{t('network.path.mode')}</label>
          <select
            id={`${id}-mode`}
            value={mode}
            onChange={(e) => onMode(e.target.value as PathMode)}
          >
            {PATH_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`network.path.modes.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={action.state === 'loading'}>
          {t('network.path.find')}
        </button>
      </form>
      {action.state === 'loading' && <Loading />}
      {action.state === 'error' && <NetworkError error={action.error} />}
      {action.state === 'ready' && <PathSteps path={action.data} onSelect={onSelect} />}
    </section>
  );
}

function PathSteps({ path, onSelect }: { path: PathResult; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useNetworkFormat();
  if (!path.found)
    return (
      <p className="notice" role="status" data-testid="path-result">
        {t('network.path.none')}
      </p>
    );
  const hops = path.nodes.length - 1;
  const edges = new Map(path.edges.map((e) => [edgeKey(e.source, e.target), e]));
  return (
    <>
      <ShownMarkings markings={[...path.nodes, ...path.edges].map((x) => x.marking)} />
      <p role="status" data-testid="path-result">
        {path.strength === null
          ? t('network.path.hops', { count: hops, formatted: f.number(hops) })
          : t('network.path.strength', {
              count: hops,
              formatted: f.number(hops),
              strength: f.share(path.strength),
            })}
      </p>
      <ol className="path-steps" data-testid="path-steps">
        {path.nodes.map((n, i) => {
          const next = path.nodes[i + 1];
          const tie = next && edges.get(edgeKey(n.id, next.id));
          return (
            <li key={n.id}>
              <button type="button" className="link-button" onClick={() => onSelect(n.id)}>
                {n.label}
              </button>{' '}
              <span className="hint">{f.kind(n.kind)}</span> <NodeMarking marking={n.marking} />
              {tie && (
                <p className="path-tie">
                  <span aria-hidden="true">↓ </span>
                  {f.ties(tie.ties)}{' '}
                  {tie.first && <span className="hint">{f.span(tie.first, tie.last)}</span>}{' '}
                  <NodeMarking marking={tie.marking} />
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
