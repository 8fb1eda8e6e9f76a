import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import { EDGE } from './colors';
import { drawMarks } from './marks';
import { skipNeedlessClears } from './needless-clears';
import type { EdgeAttributes, NetworkStore, NodeAttributes, Renderer } from './store';

/** Nodes above which a moving camera draws the nodes alone. */
const LARGE_GRAPH = 1000;

/**
 * The network drawn by sigma (WebGL). Sigma reads the store's graph itself and is updated
 * imperatively: React renders this component once, never once per node. A click selects a
 * node, a double click expands it; with the focus on the canvas, + and − zoom, the arrows pan
 * and 0 shows the whole graph. The list beside it is the way through the graph by keyboard.
 */
export function GraphCanvas({
  store,
  description,
  onSelect,
  onExpand,
}: {
  store: NetworkStore;
  description: string;
  onSelect: (id: string) => void;
  onExpand: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const container = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onSelect, onExpand });
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    handlers.current = { onSelect, onExpand };
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let renderer: Renderer;
    try {
      renderer = new Sigma<NodeAttributes, EdgeAttributes>(store.graph, element, {
        nodeReducer: store.nodeLook,
        edgeReducer: store.edgeLook,
        zIndex: true,
        // Nodes as points, one vertex each, not instanced triangles: without a GPU (software
        // GL) instanced drawing is several times slower, and 5,000 circles held a zoom to 9
        // frames a second where points draw at 55.
        defaultNodeType: 'point',
        nodeProgramClasses: { point: NodePointProgram },
        defaultEdgeColor: EDGE,
        labelFont: 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif',
        labelColor: { color: '#1b1f24' },
        labelSize: 13,
        labelWeight: '600',
        labelGridCellSize: 90,
        minCameraRatio: 0.02,
        maxCameraRatio: 10,
        allowInvalidContainer: true,
      });
    } catch {
      // No WebGL (switched off, or an old machine): the list still shows everything.
      setFailed(true);
      return;
    }
    for (const canvas of Object.values(renderer.getCanvases())) {
      const gl = canvas.getContext('webgl2');
      if (gl) skipNeedlessClears(gl);
    }
    // On a large graph, ties and labels are drawn once the camera stops rather than on every
    // frame of a zoom or a pan; a small one keeps them all the time.
    const sizeSettings = () => {
      const large = store.graph.order > LARGE_GRAPH;
      renderer.setSetting('hideEdgesOnMove', large);
      renderer.setSetting('hideLabelsOnMove', large);
    };
    sizeSettings();
    // Once per batch of changes, not once per node added.
    let pending = false;
    const resized = () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        sizeSettings();
      });
    };
    store.graph.on('nodeAdded', resized);
    store.graph.on('nodeDropped', resized);
    store.graph.on('cleared', resized);
    renderer.createCanvasContext('marks', { style: { pointerEvents: 'none' } });
    renderer.resize(true);
    const marks = renderer.getCanvases().marks?.getContext('2d');
    if (marks) renderer.on('afterRender', () => drawMarks(renderer, marks, store));
    renderer.on('clickNode', ({ node }) => handlers.current.onSelect(node));
    renderer.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      handlers.current.onExpand(e.node);
    });
    store.attach(renderer);
    return () => {
      store.graph.off('nodeAdded', resized);
      store.graph.off('nodeDropped', resized);
      store.graph.off('cleared', resized);
      store.attach(null);
      renderer.kill();
    };
  }, [store]);

  const onKey = (e: KeyboardEvent) => {
    const camera = store.getRenderer()?.getCamera();
    if (!camera) return;
    const step = 0.15 * camera.ratio;
    const pan: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    if (e.key === '+' || e.key === '=') void camera.animatedZoom(1.5);
    else if (e.key === '-' || e.key === '_') void camera.animatedUnzoom(1.5);
    else if (e.key === '0') void camera.animatedReset();
    else if (pan[e.key]) {
      const [dx, dy] = pan[e.key]!;
      void camera.animate({ x: camera.x + dx, y: camera.y + dy }, { duration: 150 });
    } else return;
    e.preventDefault();
  };

  return (
    <div className="network-canvas-frame">
      {failed && (
        <p className="notice" role="status">
          {t('network.canvas.noWebgl')}
        </p>
      )}
      <div
        ref={container}
        className="network-canvas"
        data-testid="network-canvas"
        tabIndex={failed ? -1 : 0}
        role="img"
        aria-label={description}
        aria-describedby={`${id}-keys`}
        onKeyDown={onKey}
        hidden={failed}
      />
      <p id={`${id}-keys`} className="hint">
        {t('network.canvas.keys')}
      </p>
    </div>
  );
}

/** Zooms the canvas to a node. */
export function focusNode(store: NetworkStore, id: string): void {
  const renderer = store.getRenderer();
  if (!renderer || !store.graph.hasNode(id)) return;
  // From the node's own position: sigma's display data may not be normalised yet when a
  // redraw is pending.
  const { x, y } = store.graph.getNodeAttributes(id);
  const target = renderer.viewportToFramedGraph(renderer.graphToViewport({ x, y }));
  const camera = renderer.getCamera();
  void camera.animate({ ...target, ratio: Math.min(camera.ratio, 0.4) }, { duration: 400 });
}

export function zoomBy(store: NetworkStore, how: 'in' | 'out' | 'reset'): void {
  const camera = store.getRenderer()?.getCamera();
  if (!camera) return;
  if (how === 'in') void camera.animatedZoom(1.5);
  else if (how === 'out') void camera.animatedUnzoom(1.5);
  else void camera.animatedReset();
}
