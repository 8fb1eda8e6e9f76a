import { MARKS } from './colors';
import type { NetworkStore, Renderer } from './store';

// The highlight layer over the nodes: each role has its own shape as well as its own colour,
// so that they tell apart in grey as in colour. The legend draws the same shapes.

export type Mark = 'leader' | 'broker' | 'removed' | 'path' | 'selected';

/** Draws one mark centred at (x, y) around a node of radius r. */
export function drawMark(
  ctx: CanvasRenderingContext2D,
  mark: Mark,
  x: number,
  y: number,
  r: number,
) {
  ctx.save();
  ctx.lineWidth = 3;
  ctx.strokeStyle = MARKS[mark];
  ctx.setLineDash(mark === 'path' ? [4, 3] : []);
  ctx.beginPath();
  switch (mark) {
    case 'broker': {
      // A diamond: the go-between.
      const d = r + 6;
      ctx.moveTo(x, y - d);
      ctx.lineTo(x + d, y);
      ctx.lineTo(x, y + d);
      ctx.lineTo(x - d, y);
      ctx.closePath();
      break;
    }
    case 'removed': {
      const d = r + 3;
      ctx.moveTo(x - d, y - d);
      ctx.lineTo(x + d, y + d);
      ctx.moveTo(x + d, y - d);
      ctx.lineTo(x - d, y + d);
      break;
    }
    case 'selected':
      ctx.lineWidth = 2;
      ctx.arc(x, y, r + 7, 0, Math.PI * 2);
      break;
    default:
      ctx.arc(x, y, r + 3, 0, Math.PI * 2);
  }
  ctx.stroke();
  ctx.restore();
}

/** The marks of the store's highlights, drawn after each frame of the canvas. */
export function drawMarks(renderer: Renderer, ctx: CanvasRenderingContext2D, store: NetworkStore) {
  const { width, height } = renderer.getDimensions();
  ctx.clearRect(0, 0, width, height);
  const draw = (node: string, mark: Mark) => {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const { x, y } = renderer.framedGraphToViewport(data);
    if (x < -20 || y < -20 || x > width + 20 || y > height + 20) return;
    drawMark(ctx, mark, x, y, renderer.scaleSize(data.size));
  };
  for (const node of store.pathNodes) draw(node, 'path');
  for (const [node, role] of store.players) draw(node, role);
  for (const node of store.removed) draw(node, 'removed');
  if (store.selected) draw(store.selected, 'selected');
}
