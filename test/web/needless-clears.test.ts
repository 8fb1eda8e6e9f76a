import { describe, expect, it } from 'vitest';
import { skipNeedlessClears, type ClearingContext } from '../../web/src/network/needless-clears.js';

/** A context that records what reaches it. */
function recording() {
  const calls: string[] = [];
  const gl: ClearingContext = {
    FRAMEBUFFER: 0x8d40,
    DRAW_FRAMEBUFFER: 0x8ca9,
    bindFramebuffer: (_target, framebuffer) =>
      calls.push(framebuffer ? 'bind picking' : 'bind screen'),
    clear: () => calls.push('clear'),
    drawArrays: () => calls.push('draw'),
    drawElements: () => calls.push('draw'),
    drawArraysInstanced: () => calls.push('draw'),
    drawElementsInstanced: () => calls.push('draw'),
  };
  skipNeedlessClears(gl);
  return { gl, calls };
}

describe('clearing a WebGL layer', () => {
  it('clears the screen once after a draw, and not again while nothing is drawn on it', () => {
    const { gl, calls } = recording();
    gl.clear(0x4000);
    gl.drawArraysInstanced(0, 0, 3, 10);
    gl.clear(0x4000);
    gl.clear(0x4000);
    gl.clear(0x4000);
    gl.drawArrays(0, 0, 3);
    gl.clear(0x4000);
    expect(calls).toEqual(['clear', 'draw', 'clear', 'draw', 'clear']);
  });

  it('always clears an offscreen framebuffer, and a draw there leaves the screen clear', () => {
    const { gl, calls } = recording();
    gl.clear(0x4000);
    const picking = {} as WebGLFramebuffer;
    gl.bindFramebuffer(gl.FRAMEBUFFER, picking);
    gl.clear(0x4000);
    gl.drawArrays(0, 0, 3);
    gl.clear(0x4000);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.clear(0x4000);
    gl.drawElements(0, 3, 0, 0);
    gl.clear(0x4000);
    expect(calls).toEqual([
      'clear',
      'bind picking',
      'clear',
      'draw',
      'clear',
      'bind screen',
      'draw',
      'clear',
    ]);
  });
});
