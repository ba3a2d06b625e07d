// The photo area: the before and after canvases under one zoom and pan, the three
// handles, the live hairline, the before/after divider and the brush. It reports what
// the user does through callbacks and never decides the design itself.
import { View } from './view.js';
import { t } from './i18n.js';

const sideGap = 16; // content pixels between before and after, side by side
const handleNames = {
  left: () => t('stage.handleLeft'),
  mid: () => t('stage.handleMid'),
  right: () => t('stage.handleRight'),
};
const svgNs = 'http://www.w3.org/2000/svg';

export class Stage {
  view = new View();
  mode = 'result'; // 'result' | 'slider' | 'side'
  tool = 'move'; // 'move' | 'add' | 'erase'
  divider = 0.5; // before/after split, as a fraction of the image width
  imageWidth = 0;
  imageHeight = 0;
  handles = null;
  brushRadiusPx = () => 20;

  // callbacks
  onHandleMove = () => {};   // (name, [x, y], stamp) while dragging or by keys; stamp: the event's time
  onHandleDone = () => {};   // () at the end of a drag or key press
  onBrushDab = () => {};     // ({x, y, r, erase}, stamp) while painting
  onBrushDone = () => {};    // () at the end of a stroke
  onBrushCancel = () => {};  // () when a stroke turns into a pinch
  onViewChange = () => {};
  onOverlayDrawn = () => {}; // () after the overlay follows a new frame, handle or view

  #pointers = new Map(); // pointerId → [sx, sy]
  #gesture = null; // {kind: 'pan'|'pinch'|'brush', ...}
  #hairline = null;
  #highlighted = null; // a photo box to outline

  constructor(root) {
    this.root = root;
    this.content = root.querySelector('.stage-content');
    this.before = root.querySelector('.stage-before');
    this.after = root.querySelector('.stage-after');
    this.overlay = root.querySelector('.stage-overlay');
    this.hairlinePath = this.overlay.querySelector('.stage-hairline');
    this.highlightRect = this.overlay.querySelector('.stage-highlight');
    this.brushCursor = this.overlay.querySelector('.stage-brush');
    this.brushCursor.style.display = 'none';
    this.dividerControl = root.querySelector('.stage-divider');
    this.handleButtons = Object.fromEntries(Object.keys(handleNames).map((name) => {
      const button = root.querySelector(`.handle-${name}`);
      this.#bindHandle(button, name);
      return [name, button];
    }));
    this.#bindStage();
    this.#bindDivider();
    new ResizeObserver(() => this.#resized()).observe(root);
  }

  setPhoto(width, height, pixels) {
    this.imageWidth = width;
    this.imageHeight = height;
    for (const canvas of [this.before, this.after]) {
      canvas.width = width;
      canvas.height = height;
    }
    this.before.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(pixels), width, height), 0, 0);
    this.after.getContext('2d').drawImage(this.before, 0, 0); // until the first frame; cheaper than a second putImageData
    this.#hairline = null;
    this.#layoutContent();
    this.view.fit();
    this.update();
  }

  // Copies a frame into the after canvas; the caller may then reuse `pixels`.
  drawFrame(width, height, pixels, hairline) {
    if (width !== this.imageWidth || height !== this.imageHeight) return false;
    this.after.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(pixels), width, height), 0, 0);
    this.#hairline = hairline;
    this.#drawOverlay();
    return true;
  }

  setHandles(handles) {
    this.handles = handles;
    this.#drawOverlay();
  }

  setMode(mode) {
    this.mode = mode;
    this.#layoutContent();
    this.view.fit();
    this.update();
  }

  setTool(tool) {
    this.tool = tool;
    this.root.dataset.tool = tool;
    this.brushCursor.style.display = 'none';
  }

  fit() { this.view.fit(); this.update(); }

  // Outlines a box of the photo ({x, y, width, height} in pixels; null: none), e.g.
  // the face a picker button stands for.
  highlight(box) {
    this.#highlighted = box;
    this.#drawOverlay();
  }

  // Frames the head around the handles when it is small in the whole photo (a
  // half-length portrait), so the hairline is what the user sees first.
  frameHead() {
    if (!this.handles || this.mode === 'side') return;
    this.#measure(); // the stage may have just been shown, before any resize callback
    const { left, mid, right } = this.handles;
    const span = Math.hypot(right[0] - left[0], right[1] - left[1]);
    const centreX = (left[0] + right[0]) / 2;
    const box = [centreX - 1.6 * span, mid[1] - 0.9 * span, centreX + 1.6 * span, mid[1] + 2.4 * span];
    const boxScale = Math.min(this.view.stageWidth / (box[2] - box[0]), this.view.stageHeight / (box[3] - box[1]));
    if (boxScale < 1.5 * this.view.fitScale) return;
    this.view.frame(box);
    this.update();
  }
  // 100% around the middle of the hairline, where single dots are worth seeing.
  actualPixels() {
    const [sx, sy] = this.handles ? this.#imageToStage(this.handles.mid) : [this.view.stageWidth / 2, this.view.stageHeight / 2];
    this.view.actualPixels(sx, sy);
    this.view.panBy(this.view.stageWidth / 2 - sx, this.view.stageHeight / 3 - sy);
    this.update();
  }
  zoomBy(factor) { this.view.zoomAt(factor, this.view.stageWidth / 2, this.view.stageHeight / 2); this.update(); }

  get zoomPercent() {
    return Math.round(this.view.scale * devicePixelRatio * 100);
  }

  // The after image's offset in content pixels (side by side puts it right of before).
  get #afterOffset() {
    return this.mode === 'side' ? this.imageWidth + sideGap : 0;
  }

  #layoutContent() {
    const side = this.mode === 'side';
    this.view.contentWidth = side ? 2 * this.imageWidth + sideGap : this.imageWidth;
    this.view.contentHeight = this.imageHeight;
    this.root.dataset.mode = this.mode;
    this.after.style.left = `${this.#afterOffset}px`;
    this.dividerControl.hidden = this.mode !== 'slider';
  }

  // Reads the stage's size, inside the border (the content, handles and overlay are
  // placed from the padding box); a fitted view stays fitted.
  #measure() {
    const wasFitted = Math.abs(this.view.scale - this.view.fitScale) < 1e-6;
    this.view.stageWidth = Math.max(1, this.root.clientWidth);
    this.view.stageHeight = Math.max(1, this.root.clientHeight);
    if (wasFitted || !this.imageWidth) this.view.fit();
  }

  #resized() {
    this.#measure();
    this.update();
  }

  // Photo pixel → stage pixel, on the after image.
  #imageToStage([x, y]) {
    return this.view.toStage([x + this.#afterOffset, y]);
  }

  imageToStage(point) { return this.#imageToStage(point); }

  #stageToImage(point) {
    const [cx, cy] = this.view.toContent(point);
    return [cx - this.#afterOffset, cy];
  }

  #stagePoint(event) {
    const rect = this.root.getBoundingClientRect();
    return [event.clientX - rect.left - this.root.clientLeft, event.clientY - rect.top - this.root.clientTop];
  }

  update() {
    const { scale, x, y } = this.view;
    this.content.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    this.content.style.width = `${this.view.contentWidth}px`;
    this.content.style.height = `${this.view.contentHeight}px`;
    // Pixels stay crisp from 100% up, so single dots can be seen.
    this.root.classList.toggle('pixelated', scale * devicePixelRatio >= 1);
    this.after.style.clipPath = this.mode === 'slider' ? `inset(0 0 0 ${this.divider * 100}%)` : '';
    this.#drawOverlay();
    this.onViewChange();
  }

  #drawHighlight() {
    const box = this.#highlighted;
    this.highlightRect.setAttribute('display', box ? 'inline' : 'none');
    if (!box) return;
    const [x0, y0] = this.#imageToStage([box.x, box.y]);
    const [x1, y1] = this.#imageToStage([box.x + box.width, box.y + box.height]);
    for (const [name, value] of Object.entries({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 })) {
      this.highlightRect.setAttribute(name, value.toFixed(1));
    }
  }

  #drawOverlay() {
    if (!this.imageWidth) return;
    const { stageWidth, stageHeight } = this.view;
    this.overlay.setAttribute('viewBox', `0 0 ${stageWidth} ${stageHeight}`);
    this.#drawHighlight();
    if (this.#hairline && this.#hairline.length >= 4 && this.handles) {
      // The line runs on down the sides of the head; the part near the temples is
      // what the user shapes, the rest would only cross the face.
      const { left, right } = this.handles;
      const lowest = Math.max(left[1], right[1]) + 0.3 * Math.hypot(right[0] - left[0], right[1] - left[1]);
      const points = [];
      for (let i = 0; i + 1 < this.#hairline.length; i += 2) {
        if (this.#hairline[i + 1] > lowest) continue;
        const [sx, sy] = this.#imageToStage([this.#hairline[i], this.#hairline[i + 1]]);
        points.push(`${sx.toFixed(1)},${sy.toFixed(1)}`);
      }
      this.hairlinePath.setAttribute('points', points.join(' '));
    } else {
      this.hairlinePath.setAttribute('points', '');
    }
    for (const [name, button] of Object.entries(this.handleButtons)) {
      if (!this.handles) continue;
      const [sx, sy] = this.#imageToStage(this.handles[name]);
      button.style.transform = `translate(${sx}px, ${sy}px)`;
      const [x, y] = this.handles[name];
      button.dataset.x = x;
      button.dataset.y = y;
      const across = Math.round((100 * x) / this.imageWidth);
      const down = Math.round((100 * y) / this.imageHeight);
      button.setAttribute('aria-label', t('stage.handlePosition', { name: handleNames[name](), across, down }));
    }
    if (this.mode === 'slider') {
      const [sx] = this.view.toStage([this.divider * this.imageWidth, 0]);
      this.dividerControl.style.transform = `translateX(${sx}px)`;
      this.dividerControl.setAttribute('aria-valuenow', Math.round(this.divider * 100));
    }
    this.onOverlayDrawn();
  }

  #clampToImage([x, y]) {
    return [Math.max(0, Math.min(this.imageWidth - 1, x)), Math.max(0, Math.min(this.imageHeight - 1, y))];
  }

  #bindHandle(button, name) {
    let grab = null; // offset from the pointer to the handle centre, in image pixels
    button.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || !this.handles) return;
      event.stopPropagation();
      button.setPointerCapture(event.pointerId);
      const [px, py] = this.#stageToImage(this.#stagePoint(event));
      grab = [this.handles[name][0] - px, this.handles[name][1] - py];
      button.classList.add('dragging');
    });
    button.addEventListener('pointermove', (event) => {
      if (!grab) return;
      const [px, py] = this.#stageToImage(this.#stagePoint(event));
      this.onHandleMove(name, this.#clampToImage([Math.round(px + grab[0]), Math.round(py + grab[1])]), event.timeStamp);
    });
    const end = () => {
      if (!grab) return;
      grab = null;
      button.classList.remove('dragging');
      this.onHandleDone();
    };
    button.addEventListener('pointerup', end);
    button.addEventListener('pointercancel', end);
    button.addEventListener('keydown', (event) => {
      const step = (event.shiftKey ? 10 : 1) * Math.max(1, 1 / this.view.scale);
      const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      const move = moves[event.key];
      if (!move || !this.handles) return;
      event.preventDefault();
      const [x, y] = this.handles[name];
      this.onHandleMove(name, this.#clampToImage([Math.round(x + move[0]), Math.round(y + move[1])]), event.timeStamp);
    });
    button.addEventListener('keyup', (event) => {
      if (event.key.startsWith('Arrow')) this.onHandleDone();
    });
  }

  #bindDivider() {
    const control = this.dividerControl;
    const setFromPointer = (event) => {
      const [x] = this.view.toContent(this.#stagePoint(event));
      this.divider = Math.max(0, Math.min(1, x / this.imageWidth));
      this.update();
    };
    control.addEventListener('pointerdown', (event) => {
      event.stopPropagation();
      control.setPointerCapture(event.pointerId);
      setFromPointer(event);
    });
    control.addEventListener('pointermove', (event) => {
      if (control.hasPointerCapture(event.pointerId)) setFromPointer(event);
    });
    control.addEventListener('keydown', (event) => {
      const steps = { ArrowLeft: -0.02, ArrowDown: -0.02, ArrowRight: 0.02, ArrowUp: 0.02, PageDown: -0.1, PageUp: 0.1 };
      if (event.key === 'Home' || event.key === 'End') this.divider = event.key === 'Home' ? 0 : 1;
      else if (event.key in steps) this.divider = Math.max(0, Math.min(1, this.divider + steps[event.key]));
      else return;
      event.preventDefault();
      this.update();
    });
  }

  #bindStage() {
    const root = this.root;
    root.addEventListener('pointerdown', (event) => {
      if (!this.imageWidth || (event.pointerType === 'mouse' && event.button !== 0)) return;
      root.setPointerCapture(event.pointerId);
      this.#pointers.set(event.pointerId, this.#stagePoint(event));
      if (this.#pointers.size === 2) {
        if (this.#gesture?.kind === 'brush') this.onBrushCancel();
        this.#gesture = { kind: 'pinch', ...this.#pinchState() };
      } else if (this.#pointers.size === 1) {
        const point = this.#stagePoint(event);
        if (this.tool === 'move') {
          this.#gesture = { kind: 'pan', last: point };
        } else {
          this.#gesture = { kind: 'brush', last: this.#stageToImage(point) };
          this.#dab(this.#gesture.last, event.timeStamp);
        }
      }
    });
    root.addEventListener('pointermove', (event) => {
      const point = this.#stagePoint(event);
      this.#showBrushCursor(point, event);
      if (!this.#pointers.has(event.pointerId)) return;
      this.#pointers.set(event.pointerId, point);
      const gesture = this.#gesture;
      if (gesture?.kind === 'pan') {
        this.view.panBy(point[0] - gesture.last[0], point[1] - gesture.last[1]);
        gesture.last = point;
        this.update();
      } else if (gesture?.kind === 'pinch' && this.#pointers.size === 2) {
        const now = this.#pinchState();
        this.view.panBy(now.centre[0] - gesture.centre[0], now.centre[1] - gesture.centre[1]);
        this.view.zoomAt(now.distance / gesture.distance, now.centre[0], now.centre[1]);
        Object.assign(gesture, now);
        this.update();
      } else if (gesture?.kind === 'brush') {
        this.#strokeTo(this.#stageToImage(point), event.timeStamp);
      }
    });
    const release = (event) => {
      if (!this.#pointers.delete(event.pointerId)) return;
      if (this.#gesture?.kind === 'brush') this.onBrushDone();
      // One finger left after a pinch pans; nothing resumes painting by surprise.
      const [remaining] = this.#pointers.values();
      this.#gesture = remaining ? { kind: 'pan', last: remaining } : null;
    };
    root.addEventListener('pointerup', release);
    root.addEventListener('pointercancel', release);
    root.addEventListener('pointerleave', () => { this.brushCursor.style.display = 'none'; });
    root.addEventListener('wheel', (event) => {
      if (!this.imageWidth) return;
      event.preventDefault();
      const [sx, sy] = this.#stagePoint(event);
      const lines = event.deltaMode === 1 ? 16 : 1;
      this.view.zoomAt(Math.exp(-event.deltaY * lines * 0.0015), sx, sy);
      this.update();
    }, { passive: false });
    root.addEventListener('keydown', (event) => {
      if (event.target !== root) return;
      const pan = 40;
      const actions = {
        '+': () => this.zoomBy(1.25), '=': () => this.zoomBy(1.25), '-': () => this.zoomBy(0.8),
        0: () => this.fit(), 1: () => this.actualPixels(),
        ArrowLeft: () => { this.view.panBy(pan, 0); this.update(); },
        ArrowRight: () => { this.view.panBy(-pan, 0); this.update(); },
        ArrowUp: () => { this.view.panBy(0, pan); this.update(); },
        ArrowDown: () => { this.view.panBy(0, -pan); this.update(); },
      };
      if (!(event.key in actions) || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      actions[event.key]();
    });
  }

  #pinchState() {
    const [a, b] = [...this.#pointers.values()];
    return { centre: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], distance: Math.max(1, Math.hypot(a[0] - b[0], a[1] - b[1])) };
  }

  #dab([x, y], stamp) {
    this.onBrushDab({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, r: this.brushRadiusPx(), erase: this.tool === 'erase' }, stamp);
  }

  // Dabs a third of a radius apart along the pointer's path, so fast strokes stay solid.
  #strokeTo(point, stamp) {
    const gesture = this.#gesture;
    const spacing = Math.max(1, this.brushRadiusPx() / 3);
    const [x0, y0] = gesture.last;
    const distance = Math.hypot(point[0] - x0, point[1] - y0);
    if (distance < spacing) return;
    const steps = Math.floor(distance / spacing);
    for (let i = 1; i <= steps; i++) {
      const t = (i * spacing) / distance;
      this.#dab([x0 + (point[0] - x0) * t, y0 + (point[1] - y0) * t], stamp);
    }
    gesture.last = [x0 + ((point[0] - x0) * steps * spacing) / distance, y0 + ((point[1] - y0) * steps * spacing) / distance];
  }

  #showBrushCursor([sx, sy], event) {
    const visible = this.tool !== 'move' && event.pointerType !== 'touch' && this.imageWidth > 0;
    this.brushCursor.style.display = visible ? '' : 'none';
    if (!visible) return;
    this.brushCursor.setAttribute('cx', sx);
    this.brushCursor.setAttribute('cy', sy);
    this.brushCursor.setAttribute('r', this.brushRadiusPx() * this.view.scale);
  }
}
