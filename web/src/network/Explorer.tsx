import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { Empty } from '../components/Status';
import { UrlTabs } from '../components/UrlTabs';
import { DisruptPanel } from './DisruptPanel';
import { useNetworkFormat } from './format';
import { focusNode, GraphCanvas, zoomBy } from './GraphCanvas';
import { KeyPlayersPanel, rolesOf } from './KeyPlayersPanel';
import { LayoutRunner } from './layout';
import { Legend } from './Legend';
import { NodeDetails } from './NodeDetails';
import { NodeList } from './NodeList';
import { NetworkError, ShownMarkings, type Say } from './parts';
import { PathPanel } from './PathPanel';
import { graphPng } from './png';
import {
  aroundPath,
  disruptPath,
  downloadFile,
  exportPath,
  keyPlayersPath,
  pathPath,
  saveFile,
} from './requests';
import { isFiltered, type Scope } from './scope';
import { NetworkStore, type Colouring } from './store';
import type {
  AroundResult,
  DisruptResult,
  KeyPlayersResult,
  Measure,
  NetworkJson,
  PathMode,
  PathResult,
} from './types';
import { useAction } from './use-action';

/** The most nodes the explorer draws; expanding stops adding beyond it. */
export const MAX_ON_SCREEN = 5000;
const EXPAND_MAX = 500;
const TABS = ['details', 'players', 'path', 'disrupt'] as const;

type Initial =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; center: string; truncated: boolean };

/**
 * The explorer of one scope (an entity and filters): the graph, its list, the selected node,
 * key players, paths, "what if removed" and exports. A new scope gets a new explorer.
 */
export function Explorer({
  scope: initialScope,
  onScope,
}: {
  scope: Scope;
  onScope: (scope: Scope) => void;
}) {
  const { t } = useTranslation();
  const f = useNetworkFormat();
  const [scope] = useState(initialScope);
  const store = useMemo(() => new NetworkStore(), []);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [arranging, setArranging] = useState(false);
  const layout = useMemo(() => new LayoutRunner(store.graph, setArranging), [store]);
  const [initial, setInitial] = useState<Initial>({ state: 'loading' });
  const [notice, setNotice] = useState<Say | null>(null);
  const say = useCallback((words: Say) => setNotice(() => words), []);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [colouring, setColouring] = useState<Colouring>('kind');
  const [communities, setCommunities] = useState<'idle' | 'loading' | 'ready'>('idle');
  const [exporting, setExporting] = useState(false);
  const players = useAction<KeyPlayersResult>();
  const path = useAction<PathResult>();
  const disrupt = useAction<DisruptResult>();
  const [ends, setEnds] = useState({ a: scope.entity, b: '' });
  const [pathMode, setPathMode] = useState<PathMode>('shortest');
  const [remove, setRemove] = useState(3);
  const [measure, setMeasure] = useState<Measure>('largest_component');

  useEffect(() => () => layout.kill(), [layout]);

  useEffect(() => {
    const abort = new AbortController();
    api<AroundResult>(aroundPath(scope, scope.entity, scope.hops, scope.maxNodes), {
      signal: abort.signal,
    }).then(
      (r) => {
        if (store.graph.order === 0) {
          store.merge(r.nodes, r.edges);
          store.seeds.set(r.center, r.hops);
          // Unless the answer was cut short, nodes nearer than the last hop have all their
          // neighbours on the graph already.
          if (!r.truncated)
            for (const n of r.nodes) if (n.distance < r.hops) store.expanded.add(n.id);
          store.select(r.center);
          layout.start();
        }
        // The address may name a record of the entity: the path starts at its node.
        setEnds((e) => (e.a === scope.entity ? { ...e, a: r.center } : e));
        setInitial({ state: 'ready', center: r.center, truncated: r.truncated });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setInitial({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [scope, store, layout]);

  const center = initial.state === 'ready' ? initial.center : scope.entity;
  const subject = snapshot.selected ?? center;

  /** Reads whose communities were fetched. */
  const coloured = useRef(new Set<string>());

  /** Communities of the nodes around these seeds, from the JSON export. */
  const loadCommunities = useCallback(
    async (seeds: [string, number][]) => {
      setCommunities('loading');
      try {
        for (const [seed, hops] of seeds) {
          const json = await api<NetworkJson>(exportPath(scope, 'json', seed, hops));
          store.setCommunities(new Map(json.nodes.map((n) => [n.id, n.community])));
          coloured.current.add(seed);
        }
        setCommunities('ready');
      } catch (err) {
        setActionError(err);
        setCommunities('idle');
      }
    },
    [scope, store],
  );

  const select = useCallback(
    (id: string) => {
      store.select(id);
      focusNode(store, id);
    },
    [store],
  );

  const expand = useCallback(
    async (id: string) => {
      if (busy.has(id)) return;
      const room = MAX_ON_SCREEN - store.graph.order;
      if (room <= 0) {
        say((t, f) => t('network.notice.full', { max: f.number(MAX_ON_SCREEN) }));
        return;
      }
      setBusy((b) => new Set(b).add(id));
      setActionError(null);
      try {
        const r = await api<AroundResult>(aroundPath(scope, id, 1, Math.min(EXPAND_MAX, room + 1)));
        const added = store.merge(r.nodes, r.edges, id);
        store.seeds.set(id, Math.max(1, store.seeds.get(id) ?? 0));
        if (!r.truncated) store.expanded.add(id);
        if (!store.graph.hasNode(store.selected ?? '')) store.select(id);
        layout.start();
        const name = r.nodes.find((n) => n.id === id)?.label ?? id;
        say((t, f) =>
          t('network.notice.expanded', {
            name,
            nodes: t('network.notice.nodes', {
              count: added.nodes,
              formatted: f.number(added.nodes),
            }),
            ties: t('network.notice.ties', { count: added.ties, formatted: f.number(added.ties) }),
          }),
        );
        if (colouring === 'community') await loadCommunities([[id, 1]]);
      } catch (err) {
        setActionError(err);
      } finally {
        setBusy((b) => {
          const next = new Set(b);
          next.delete(id);
          return next;
        });
      }
    },
    [busy, store, scope, layout, colouring, loadCommunities, say],
  );

  const toggleCommunities = (on: boolean) => {
    setColouring(on ? 'community' : 'kind');
    store.setColouring(on ? 'community' : 'kind');
    if (on) {
      const missing = [...store.seeds].filter(([seed]) => !coloured.current.has(seed));
      if (missing.length > 0) void loadCommunities(missing);
    }
  };

  const clearHighlights = () => {
    players.clear();
    path.clear();
    disrupt.clear();
    store.setPlayers(new Map());
    store.setPath([]);
    store.setRemoved([]);
  };

  const runPlayers = async () => {
    const r = await players.run(keyPlayersPath(scope, subject), subject);
    store.setPlayers(r ? rolesOf(r) : new Map());
  };

  const runPath = async () => {
    const a = ends.a.trim();
    const b = ends.b.trim();
    const r = await path.run(pathPath(scope, a, b, pathMode), `${a}\n${b}`);
    if (!r?.found) return store.setPath([]);
    const added = store.merge(r.nodes, r.edges);
    if (added.nodes > 0) layout.start();
    store.setPath(r.nodes.map((n) => n.id));
  };

  const runDisrupt = async () => {
    const r = await disrupt.run(disruptPath(scope, subject, remove, measure), subject);
    store.setRemoved(r ? r.steps.map((s) => s.node.id) : []);
  };

  const exportPng = async () => {
    const renderer = store.getRenderer();
    if (!renderer || !snapshot.marking) return;
    setExporting(true);
    try {
      const caption = t('network.export.caption', {
        name: store.node(center)?.label ?? center,
        nodes: t('network.notice.nodes', {
          count: snapshot.order,
          formatted: f.number(snapshot.order),
        }),
        ties: t('network.notice.ties', {
          count: snapshot.size,
          formatted: f.number(snapshot.size),
        }),
        date: f.moment(new Date().toISOString()),
      });
      saveFile(await graphPng(renderer, snapshot.marking, caption), 'puente-network.png');
      say((t) => t('network.export.pngDone'));
    } catch (err) {
      setActionError(err);
    } finally {
      setExporting(false);
    }
  };

  const exportFile = async (format: 'graphml' | 'gexf') => {
    setExporting(true);
    setActionError(null);
    try {
      const name = await downloadFile(
        exportPath(scope, format, center, scope.hops),
        `puente-network.${format}`,
      );
      say((t) => t('network.export.fileDone', { file: name }));
    } catch (err) {
      setActionError(err);
    } finally {
      setExporting(false);
    }
  };

  if (initial.state === 'loading')
    return (
      <p className="status" role="status">
        {t('network.loading')}
      </p>
    );
  if (initial.state === 'error') return <NetworkError error={initial.error} />;

  const centreName = store.node(center)?.label ?? center;
  const counted = {
    nodes: t('network.notice.nodes', {
      count: snapshot.order,
      formatted: f.number(snapshot.order),
    }),
    ties: t('network.notice.ties', { count: snapshot.size, formatted: f.number(snapshot.size) }),
  };
  const description = t('network.canvas.label', { name: centreName, ...counted });

  return (
    <div className="network-explorer">
      {snapshot.marking && <ShownMarkings markings={[snapshot.marking]} />}
      <p className="status" role="status" aria-live="polite" data-testid="network-status">
        {t('network.summary', { name: centreName, ...counted })} {notice?.(t, f)}{' '}
        {arranging && t('network.arranging')}
      </p>
      {initial.truncated && (
        <p className="notice">{t('network.truncated', { max: f.number(scope.maxNodes) })}</p>
      )}
      {snapshot.order <= 1 && (
        <Empty>{isFiltered(scope) ? t('network.emptyFiltered') : t('network.empty')}</Empty>
      )}
      {actionError !== null && <NetworkError error={actionError} />}

      <div className="network-toolbar" role="toolbar" aria-label={t('network.toolbar')}>
        <label className="choice">
          <input
            type="checkbox"
            checked={colouring === 'community'}
            onChange={(e) => toggleCommunities(e.target.checked)}
          />{' '}
          {t('network.communities')}
        </label>
        {communities === 'loading' && (
          <span className="status">{t('network.communitiesLoading')}</span>
        )}
        <button type="button" className="secondary" onClick={() => zoomBy(store, 'in')}>
          {t('network.zoomIn')}
        </button>
        <button type="button" className="secondary" onClick={() => zoomBy(store, 'out')}>
          {t('network.zoomOut')}
        </button>
        <button type="button" className="secondary" onClick={() => zoomBy(store, 'reset')}>
          {t('network.fit')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => (arranging ? layout.stop() : layout.start())}
        >
          {arranging ? t('network.stopLayout') : t('network.layout')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={exporting || !store.getRenderer()}
          onClick={() => void exportPng()}
        >
          {t('network.export.png')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={exporting}
          onClick={() => void exportFile('graphml')}
        >
          {t('network.export.graphml')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={exporting}
          onClick={() => void exportFile('gexf')}
        >
          {t('network.export.gexf')}
        </button>
      </div>
      <p className="hint">{t('network.export.hint', { hops: f.number(scope.hops) })}</p>

      <div className="network-layout">
        <div className="network-main">
          <GraphCanvas
            store={store}
            description={description}
            onSelect={(id) => store.select(id)}
            onExpand={(id) => void expand(id)}
          />
          <Legend
            store={store}
            snapshot={snapshot}
            colouring={colouring}
            onClear={clearHighlights}
          />
        </div>
        <aside className="network-side" aria-label={t('network.side')}>
          <UrlTabs views={TABS} label={t('network.tabs')} labelKey={(v) => `network.tab.${v}`}>
            {(view) => (
              <>
                {view === 'details' && (
                  <NodeDetails
                    store={store}
                    snapshot={snapshot}
                    busy={busy}
                    onSelect={select}
                    onExpand={(id) => void expand(id)}
                    onRecentre={(id) => onScope({ ...scope, entity: id })}
                    onPathEnd={(end, id) => setEnds((e) => ({ ...e, [end]: id }))}
                  />
                )}
                {view === 'players' && (
                  <KeyPlayersPanel
                    store={store}
                    subject={subject}
                    action={players.action}
                    onRun={() => void runPlayers()}
                    onSelect={select}
                    onAdd={(id) => void expand(id)}
                  />
                )}
                {view === 'path' && (
                  <PathPanel
                    store={store}
                    ends={ends}
                    mode={pathMode}
                    action={path.action}
                    onEnds={setEnds}
                    onMode={setPathMode}
                    onFind={() => void runPath()}
                    onSelect={select}
                  />
                )}
                {view === 'disrupt' && (
                  <DisruptPanel
                    store={store}
                    subject={subject}
                    remove={remove}
                    measure={measure}
                    action={disrupt.action}
                    onRemove={setRemove}
                    onMeasure={setMeasure}
                    onRun={() => void runDisrupt()}
                    onSelect={select}
                    onAdd={(id) => void expand(id)}
                  />
                )}
              </>
            )}
          </UrlTabs>
        </aside>
      </div>

      <NodeList
        store={store}
        snapshot={snapshot}
        colouring={colouring}
        busy={busy}
        onSelect={select}
        onExpand={(id) => void expand(id)}
      />
    </div>
  );
}
