/** The part of a WebGL 2 context that decides whether a clear changes what is on screen. */
export type ClearingContext = Pick<
  WebGL2RenderingContext,
  | 'FRAMEBUFFER'
  | 'DRAW_FRAMEBUFFER'
  | 'bindFramebuffer'
  | 'clear'
  | 'drawArrays'
  | 'drawElements'
  | 'drawArraysInstanced'
  | 'drawElementsInstanced'
>;

/**
 * Sigma clears every WebGL layer on every frame, even one it then leaves empty: the ties while
 * the camera moves, the hovered nodes when there are none. A layer touched in a frame is
 * composited again, and without a GPU that costs about 8 ms a frame at 1600×1000: three
 * layers alone held a page to 35 frames a second. Here a clear of the screen that nothing has
 * been drawn on since the last clear is skipped, so an empty layer stays untouched. Only for
 * WebGL 2, whose draw calls are all on the context (WebGL 1 draws instances through an
 * extension this would not see).
 */
export function skipNeedlessClears(gl: ClearingContext): void {
  let toScreen = true;
  let drawnSinceClear = true;
  const bind = gl.bindFramebuffer.bind(gl);
  gl.bindFramebuffer = (target, framebuffer) => {
    if (target === gl.FRAMEBUFFER || target === gl.DRAW_FRAMEBUFFER)
      toScreen = framebuffer === null;
    bind(target, framebuffer);
  };
  const clear = gl.clear.bind(gl);
  gl.clear = (mask) => {
    if (toScreen) {
      if (!drawnSinceClear) return;
      drawnSinceClear = false;
    }
    clear(mask);
  };
  const drawing = <A extends unknown[]>(draw: (...args: A) => void) => {
    const call = draw.bind(gl);
    return (...args: A) => {
      if (toScreen) drawnSinceClear = true;
      call(...args);
    };
  };
  gl.drawArrays = drawing(gl.drawArrays);
  gl.drawElements = drawing(gl.drawElements);
  gl.drawArraysInstanced = drawing(gl.drawArraysInstanced);
  gl.drawElementsInstanced = drawing(gl.drawElementsInstanced);
}
