import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, Loading } from '../components/Status';
import { useNetworkFormat } from './format';
import { MarkSymbol } from './Legend';
import { NetworkError, NodeMarking, ShownMarkings } from './parts';
import type { NetworkStore, Role } from './store';
import type { KeyPlayer, KeyPlayersResult } from './types';
import type { Action } from './use-action';

/**
 * Brokers hold the network together: a cut point (its removal splits the network), or
 * betweenness at least half the highest among the players. The other key players lead.
 */
export function roleOf(player: KeyPlayer, players: readonly KeyPlayer[]): Role {
  const top = Math.max(0, ...players.map((p) => p.betweenness));
  return player.cutPoint || (top > 0 && player.betweenness >= top / 2) ? 'broker' : 'leader';
}

export const rolesOf = (r: KeyPlayersResult): Map<string, Role> =>
  new Map(r.players.map((p) => [p.node.id, roleOf(p, r.players)]));

/** The leaders and brokers of the selected node's community, highlighted on the graph. */
export function KeyPlayersPanel({
  store,
  subject,
  action,
  onRun,
  onSelect,
  onAdd,
}: {
  store: NetworkStore;
  /** The node whose community is ranked (the selected one, else the centre). */
  subject: string;
  action: Action<KeyPlayersResult>;
  onRun: () => void;
  onSelect: (id: string) => void;
  onAdd: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useNetworkFormat();
  const id = useId();
  const name = store.node(subject)?.label ?? subject;
  return (
    <section aria-labelledby={`${id}-h`} data-testid="key-players-panel">
      <h2 id={`${id}-h`}>{t('network.players.title')}</h2>
      <p>{t('network.players.intro')}</p>
      <button type="button" onClick={onRun} disabled={action.state === 'loading'}>
        {t('network.players.run', { name })}
      </button>
      {action.state === 'loading' && <Loading />}
      {action.state === 'error' && <NetworkError error={action.error} />}
      {action.state === 'ready' && (
        <Players result={action.data} store={store} onSelect={onSelect} onAdd={onAdd} />
      )}
      {action.state === 'ready' && action.data.players.length === 0 && (
        <Empty>{t('network.players.none')}</Empty>
      )}
      {action.state === 'ready' && (
        <p className="hint">
          {action.data.betweenness.exact
            ? t('network.players.exact', {
                nodes: f.number(action.data.nodes),
                ties: f.number(action.data.edges),
              })
            : t('network.players.sampled', {
                samples: f.number(action.data.betweenness.samples),
                nodes: f.number(action.data.nodes),
                ties: f.number(action.data.edges),
                error: f.share(action.data.betweenness.errorBound ?? 0),
              })}
        </p>
      )}
    </section>
  );
}

function Players({
  result,
  store,
  onSelect,
  onAdd,
}: {
  result: KeyPlayersResult;
  store: NetworkStore;
  onSelect: (id: string) => void;
  onAdd: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useNetworkFormat();
  if (result.players.length === 0) return null;
  return (
    <>
      <ShownMarkings markings={result.players.map((p) => p.node.marking)} />
      <p data-testid="key-players-summary">
        {result.community === null
          ? t('network.players.whole', { nodes: f.number(result.nodes) })
          : t('network.players.community', {
              community: f.number(result.community),
              nodes: f.number(result.nodes),
              ties: f.number(result.edges),
            })}
      </p>
      <table className="key-players" data-testid="key-players">
        <caption className="visually-hidden">{t('network.players.title')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('network.players.rank')}
            </th>
            <th scope="col">{t('network.list.name')}</th>
            <th scope="col">{t('network.players.role')}</th>
            <th scope="col" className="num">
              <abbr title={t('network.players.scoreHelp')}>{t('network.players.score')}</abbr>
            </th>
            <th scope="col" className="num">
              <abbr title={t('network.players.betweennessHelp')}>
                {t('network.players.betweenness')}
              </abbr>
            </th>
            <th scope="col">{t('network.list.marking')}</th>
          </tr>
        </thead>
        <tbody>
          {result.players.map((p) => {
            const role = roleOf(p, result.players);
            const onGraph = store.graph.hasNode(p.node.id);
            return (
              <tr key={p.node.id} data-testid="key-player">
                <td className="num">{f.number(p.rank)}</td>
                <th scope="row">
                  {onGraph ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelect(p.node.id)}
                    >
                      {p.node.label}
                    </button>
                  ) : (
                    <>
                      {p.node.label}{' '}
                      <button
                        type="button"
                        className="secondary small"
                        onClick={() => onAdd(p.node.id)}
                      >
                        {t('network.add', { name: p.node.label })}
                      </button>
                    </>
                  )}{' '}
                  <span className="hint">{f.kind(p.node.kind)}</span>
                </th>
                <td>
                  <MarkSymbol mark={role} />{' '}
                  {role === 'broker'
                    ? p.cutPoint
                      ? t('network.players.brokerCut')
                      : t('network.players.broker')
                    : t('network.players.leader')}
                </td>
                <td className="num">{f.percent(p.score)}</td>
                <td className="num">{f.share(p.betweenness)}</td>
                <td>
                  <NodeMarking marking={p.node.marking} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
