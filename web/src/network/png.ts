import { isTlp } from '../marking/marking';
import type { Renderer } from './store';

// TLP 2.0 colours on black, as the app's marking labels show them.
const TLP_COLOURS: Record<string, string> = {
  'TLP:CLEAR': '#ffffff',
  'TLP:GREEN': '#33ff00',
  'TLP:AMBER': '#ffc000',
  'TLP:AMBER+STRICT': '#ffc000',
  'TLP:RED': '#ff2b2b',
};

const BAND = 34;

/**
 * The canvas as a PNG: every layer sigma draws (ties, nodes, labels, highlights) composited on
 * white, between two black bands that carry the most restrictive marking on screen in words,
 * as a marked document carries its banner top and bottom.
 */
export function graphPng(renderer: Renderer, marking: string, caption: string): Promise<Blob> {
  // Draw now: the WebGL layers keep their picture only until the frame is shown.
  renderer.refresh();
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round((height + 2 * BAND) * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + 2 * BAND);
  for (const layer of renderer.getContainer().querySelectorAll('canvas'))
    ctx.drawImage(layer, 0, BAND, width, height);
  const colour = isTlp(marking) ? TLP_COLOURS[marking]! : '#ffffff';
  for (const top of [0, height + BAND]) {
    ctx.fillStyle = '#000000';
    ctx.fillRect(0, top, width, BAND);
    ctx.fillStyle = colour;
    ctx.font = 'bold 18px ui-monospace, "DejaVu Sans Mono", monospace';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(marking, width / 2, top + BAND / 2);
  }
  ctx.fillStyle = '#ffffff';
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.fillText(caption, 8, height + BAND + BAND / 2, Math.max(50, width / 2 - 80));
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('png'))), 'image/png'),
  );
}
