import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty } from '../components/Status';
import { MarkedRecord } from '../pages/EntityParts';
import { useNetworkFormat } from './format';
import { focusNode } from './GraphCanvas';
import { hasEntityPage, NodeMarking, ShownMarkings } from './parts';
import type { NetworkStore, Snapshot } from './store';

const TIES_SHOWN = 25;

/**
 * The selected node: what it is, its marking, the records behind it (each with its own marking,
 * linked to its page) and its ties, each with its types, dates and marking.
 */
export function NodeDetails({
  store,
  snapshot,
  busy,
  onSelect,
  onExpand,
  onRecentre,
  onPathEnd,
}: {
  store: NetworkStore;
  snapshot: Snapshot;
  busy: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onExpand: (id: string) => void;
  onRecentre: (id: string) => void;
  onPathEnd: (end: 'a' | 'b', id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useNetworkFormat();
  const id = useId();
  const [allTies, setAllTies] = useState(false);
  const node = snapshot.selected ? store.node(snapshot.selected) : undefined;
  if (!node) return <Empty>{t('network.details.none')}</Empty>;

  const g = store.graph;
  const ties = g
    .edges(node.id)
    .map((e) => {
      const view = g.getEdgeAttribute(e, 'view');
      const other = view.source === node.id ? view.target : view.source;
      return { key: e, view, other: g.getNodeAttribute(other, 'view') };
    })
    .sort((a, b) => b.view.weight - a.view.weight || a.other.label.localeCompare(b.other.label));
  const shownTies = allTies ? ties : ties.slice(0, TIES_SHOWN);
  const expanded = store.expanded.has(node.id);

  return (
    <section className="node-details" aria-labelledby={`${id}-h`} data-testid="node-details">
      <ShownMarkings markings={[node.marking, ...shownTies.map((x) => x.view.marking)]} />
      <h2 id={`${id}-h`}>{node.label}</h2>
      <p className="meta">
        <NodeMarking marking={node.marking} />
        <span>{f.kind(node.kind)}</span>
        {node.countries.length > 0 && <span>{f.list(node.countries.map(f.country))}</span>}
        {node.date && <time dateTime={node.date}>{f.day(node.date)}</time>}
      </p>
      <div className="network-actions">
        <button
          type="button"
          disabled={expanded || busy.has(node.id)}
          onClick={() => onExpand(node.id)}
        >
          {busy.has(node.id)
            ? t('network.list.expanding')
            : expanded
              ? t('network.details.expanded')
              : t('network.details.expand')}
        </button>
        <button type="button" className="secondary" onClick={() => focusNode(store, node.id)}>
          {t('network.details.show')}
        </button>
        <button type="button" className="secondary" onClick={() => onRecentre(node.id)}>
          {t('network.details.recentre')}
        </button>
        <button type="button" className="secondary" onClick={() => onPathEnd('a', node.id)}>
          {t('network.details.pathFrom')}
        </button>
        <button type="button" className="secondary" onClick={() => onPathEnd('b', node.id)}>
          {t('network.details.pathTo')}
        </button>
      </div>
      {hasEntityPage(node) && (
        <p>
          <Link to={`/entities/${encodeURIComponent(node.id)}`}>
            {t('network.details.entityPage')}
          </Link>
        </p>
      )}

      <h3>
        {t('network.details.records', {
          count: node.recordCount,
          formatted: f.number(node.recordCount),
        })}
      </h3>
      <ul className="network-records">
        {node.records.map((r) => (
          <li key={r}>
            <MarkedRecord id={r}>
              {(record) => (
                <>
                  {' '}
                  <Link to={`/records/${r}`}>{record.caption}</Link>{' '}
                  <span className="hint">
                    {t('network.details.fromAgency', { agency: record.agency })}
                  </span>
                </>
              )}
            </MarkedRecord>
          </li>
        ))}
      </ul>
      {node.recordCount > node.records.length && (
        <p className="hint">
          {t('network.details.moreRecords', {
            count: node.recordCount - node.records.length,
            formatted: f.number(node.recordCount - node.records.length),
          })}
        </p>
      )}

      <h3>{t('network.details.ties', { count: ties.length, formatted: f.number(ties.length) })}</h3>
      {ties.length === 0 ? (
        <Empty>{t('network.details.noTies')}</Empty>
      ) : (
        <table className="network-ties" data-testid="node-ties">
          <caption className="visually-hidden">
            {t('network.details.tiesOf', { name: node.label })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('network.details.with')}</th>
              <th scope="col">{t('network.details.how')}</th>
              <th scope="col">{t('network.details.when')}</th>
              <th scope="col">{t('network.list.marking')}</th>
            </tr>
          </thead>
          <tbody>
            {shownTies.map(({ key, view, other }) => (
              <tr key={key}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onSelect(other.id)}>
                    {other.label}
                  </button>{' '}
                  <span className="hint">{f.kind(other.kind)}</span>
                </th>
                <td>{f.ties(view.ties)}</td>
                <td>{f.span(view.first, view.last)}</td>
                <td>
                  <NodeMarking marking={view.marking} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ties.length > TIES_SHOWN && (
        <button type="button" className="more secondary" onClick={() => setAllTies((v) => !v)}>
          {allTies
            ? t('network.details.fewerTies')
            : t('network.details.allTies', { formatted: f.number(ties.length) })}
        </button>
      )}
    </section>
  );
}
