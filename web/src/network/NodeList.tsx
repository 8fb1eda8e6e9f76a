import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNetworkFormat } from './format';
import { NodeMarking } from './parts';
import type { Colouring, NetworkStore, Snapshot } from './store';
import { NODE_KINDS, type NodeView } from './types';

const PAGE = 25;

interface Row {
  node: NodeView;
  degree: number;
  community: number | null;
}

/**
 * The nodes on the canvas as a table, a page at a time: the way through the graph by keyboard
 * and screen reader. Filtering by name or kind narrows the table, not the graph.
 */
export function NodeList({
  store,
  snapshot,
  colouring,
  busy,
  onSelect,
  onExpand,
}: {
  store: NetworkStore;
  snapshot: Snapshot;
  colouring: Colouring;
  busy: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onExpand: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useNetworkFormat();
  const id = useId();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [page, setPage] = useState(0);
  const { version, look } = snapshot;

  const { rows, present } = useMemo(() => {
    void version;
    void look;
    const needle = q.trim().toLocaleLowerCase();
    const out: Row[] = [];
    const kinds = new Set<string>();
    store.graph.forEachNode((n, a) => {
      kinds.add(a.kind);
      if (kind && a.kind !== kind) return;
      if (needle && !a.label.toLocaleLowerCase().includes(needle)) return;
      out.push({ node: a.view, degree: store.graph.degree(n), community: a.community });
    });
    return { rows: out, present: kinds };
  }, [store, version, look, q, kind]);

  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * PAGE, current * PAGE + PAGE);
  const kinds = NODE_KINDS.filter((k) => present.has(k));

  return (
    <section className="network-list" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('network.list.title')}</h2>
      <form
        className="filters"
        role="search"
        aria-labelledby={`${id}-h`}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('network.list.filter')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(0);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('network.list.kind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setPage(0);
            }}
          >
            <option value="">{t('network.list.anyKind')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {f.kind(k)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="status" role="status" data-testid="network-list-count">
        {t('network.list.count', {
          count: rows.length,
          formatted: f.number(rows.length),
          total: f.number(snapshot.order),
        })}
      </p>
      {shown.length > 0 && (
        <table className="network-nodes" data-testid="network-nodes">
          <caption className="visually-hidden">{t('network.list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.list.name')}</th>
              <th scope="col">{t('network.list.kind')}</th>
              <th scope="col">{t('network.list.marking')}</th>
              <th scope="col">{t('network.list.countries')}</th>
              <th scope="col" className="num">
                {t('network.list.ties')}
              </th>
              {colouring === 'community' && (
                <th scope="col" className="num">
                  {t('network.list.community')}
                </th>
              )}
              <th scope="col">{t('network.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ node, degree, community }) => {
              const selected = snapshot.selected === node.id;
              const expanded = store.expanded.has(node.id);
              return (
                <tr
                  key={node.id}
                  data-testid="network-node"
                  className={selected ? 'selected-row' : undefined}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={selected}
                      onClick={() => onSelect(node.id)}
                    >
                      {node.label}
                    </button>
                  </th>
                  <td>{f.kind(node.kind)}</td>
                  <td>
                    <NodeMarking marking={node.marking} />
                  </td>
                  <td>{f.list(node.countries.map(f.country))}</td>
                  <td className="num">{f.number(degree)}</td>
                  {colouring === 'community' && (
                    <td className="num">{community === null ? '—' : f.number(community)}</td>
                  )}
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      disabled={expanded || busy.has(node.id)}
                      aria-label={
                        expanded
                          ? t('network.list.expandedNamed', { name: node.label })
                          : t('network.list.expandNamed', { name: node.label })
                      }
                      onClick={() => onExpand(node.id)}
                    >
                      {busy.has(node.id)
                        ? t('network.list.expanding')
                        : expanded
                          ? t('network.list.expanded')
                          : t('network.list.expand')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('network.list.pages')}>
          <button
            type="button"
            className="secondary"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {t('network.list.previous')}
          </button>
          <span>
            {t('network.list.page', { page: f.number(current + 1), pages: f.number(pages) })}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t('network.list.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
