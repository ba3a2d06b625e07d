// The zoom and pan of the stage: image pixels ↔ stage (CSS) pixels. One scale for
// both axes; the content (one image, or before and after side by side) can be fitted
// or shown at 100% (one image pixel per device pixel).
export class View {
  scale = 1;
  x = 0; // stage position of content pixel (0, 0)
  y = 0;
  contentWidth = 1;
  contentHeight = 1;
  stageWidth = 1;
  stageHeight = 1;

  get fitScale() {
    return Math.min(this.stageWidth / this.contentWidth, this.stageHeight / this.contentHeight);
  }

  get minScale() { return Math.min(this.fitScale, 1 / devicePixelRatio) * 0.5; }
  get maxScale() { return 16 / devicePixelRatio; }

  fit() {
    this.scale = this.fitScale;
    this.x = (this.stageWidth - this.contentWidth * this.scale) / 2;
    this.y = (this.stageHeight - this.contentHeight * this.scale) / 2;
  }

  // Shows the content box [x0, y0, x1, y1] as large as the stage allows, centred.
  frame([x0, y0, x1, y1]) {
    this.scale = Math.min(this.maxScale, this.stageWidth / (x1 - x0), this.stageHeight / (y1 - y0));
    this.x = this.stageWidth / 2 - ((x0 + x1) / 2) * this.scale;
    this.y = this.stageHeight / 2 - ((y0 + y1) / 2) * this.scale;
    this.#keepVisible();
  }

  // Zooms by factor keeping the content point under stage point (sx, sy) in place.
  zoomAt(factor, sx, sy) {
    const scale = Math.min(this.maxScale, Math.max(this.minScale, this.scale * factor));
    const applied = scale / this.scale;
    this.x = sx - (sx - this.x) * applied;
    this.y = sy - (sy - this.y) * applied;
    this.scale = scale;
    this.#keepVisible();
  }

  // 100%: one image pixel per device pixel, centred on stage point (sx, sy).
  actualPixels(sx = this.stageWidth / 2, sy = this.stageHeight / 2) {
    this.zoomAt(1 / devicePixelRatio / this.scale, sx, sy);
  }

  panBy(dx, dy) {
    this.x += dx;
    this.y += dy;
    this.#keepVisible();
  }

  // At least a quarter of the stage keeps showing content, so it cannot be lost.
  #keepVisible() {
    const w = this.contentWidth * this.scale;
    const h = this.contentHeight * this.scale;
    const marginX = Math.min(w, this.stageWidth) / 4;
    const marginY = Math.min(h, this.stageHeight) / 4;
    this.x = Math.min(this.stageWidth - marginX, Math.max(marginX - w, this.x));
    this.y = Math.min(this.stageHeight - marginY, Math.max(marginY - h, this.y));
  }

  toStage([cx, cy]) {
    return [cx * this.scale + this.x, cy * this.scale + this.y];
  }

  toContent([sx, sy]) {
    return [(sx - this.x) / this.scale, (sy - this.y) / this.scale];
  }
}
