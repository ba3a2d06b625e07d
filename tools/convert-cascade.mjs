#!/usr/bin/env node
// Converts OpenCV cascade classifiers (the XML of Debian's opencv-data) into the compact
// binary bundle that src/core/cascade_model.h parses. Run by CMake at build time; the
// XML files are never copied into the repository.
//
//   node tools/convert-cascade.mjs -o OUT.bin face=PATH.xml eye=PATH.xml
//
// Bundle layout (little-endian), version 1:
//   "SMPCAS01", u32 cascade count, then per cascade:
//     u8 name length, name (ASCII, e.g. "face"), u8 feature type (0 LBP, 1 Haar),
//     u16 window width, u16 window height, u32 feature count, u16 stage count,
//     features: LBP u8 x, y, w, h (one cell of the 3×3 grid);
//               Haar u8 rect count, then per rect u8 x, y, w, h and f32 weight,
//     stages:   u16 weak count, f32 threshold (as in the file), then per weak stump
//               u16 feature index, LBP: 8 × u32 category subset | Haar: f32 threshold,
//               f32 left leaf, f32 right leaf.
// Only the new-style cascade format (<cascade>, <stages>, <features>) with decision
// stumps and upright Haar features is accepted; anything else fails with a message.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

function fail(message) {
  console.error(`convert-cascade: ${message}`);
  process.exit(1);
}

// A minimal XML reader for OpenCV's storage files: elements, text, comments; no
// attributes are needed (they are skipped).
function parseXml(text) {
  const root = { name: '#root', children: [], text: '' };
  const stack = [root];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const match of text.matchAll(token)) {
    const [whole, closing, opening, , selfClosing, chars] = match;
    const top = stack[stack.length - 1];
    if (whole.startsWith('<!--') || whole.startsWith('<?')) continue;
    if (closing) {
      if (top.name !== closing) fail(`XML: </${closing}> closes <${top.name}>`);
      stack.pop();
    } else if (opening) {
      const element = { name: opening, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (chars) {
      top.text += chars;
    }
  }
  if (stack.length !== 1) fail('XML: unclosed elements');
  return root;
}

function child(element, name) {
  const found = element.children.find((c) => c.name === name);
  if (!found) fail(`<${element.name}> has no <${name}>`);
  return found;
}

const numbers = (element) => element.text.trim().split(/\s+/).filter(Boolean).map(Number);
const integer = (element) => {
  const value = Number(element.text.trim());
  if (!Number.isInteger(value)) fail(`<${element.name}> is not an integer: ${element.text}`);
  return value;
};

class Writer {
  #bytes = [];
  u8(v) {
    if (!(Number.isInteger(v) && v >= 0 && v < 256)) fail(`value ${v} does not fit in a byte`);
    this.#bytes.push(v);
  }
  u16(v) {
    if (!(Number.isInteger(v) && v >= 0 && v < 65536)) fail(`value ${v} does not fit in 16 bits`);
    this.#bytes.push(v & 255, v >>> 8);
  }
  u32(v) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v >>> 0);
    this.#bytes.push(...b);
  }
  f32(v) {
    if (!Number.isFinite(v)) fail(`non-finite number ${v}`);
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.#bytes.push(...b);
  }
  ascii(s) {
    this.u8(s.length);
    for (const ch of s) this.u8(ch.charCodeAt(0));
  }
  buffer() {
    return Buffer.from(this.#bytes);
  }
}

function writeCascade(out, name, xmlPath) {
  const cascade = child(child(parseXml(readFileSync(xmlPath, 'utf8')), 'opencv_storage'), 'cascade');
  const type = child(cascade, 'featureType').text.trim();
  if (type !== 'LBP' && type !== 'HAAR') fail(`${xmlPath}: feature type ${type} is not supported`);
  const lbp = type === 'LBP';
  const features = child(cascade, 'features').children;
  const stages = child(cascade, 'stages').children;
  if (stages.length !== integer(child(cascade, 'stageNum'))) fail(`${xmlPath}: stage count mismatch`);

  out.ascii(name);
  out.u8(lbp ? 0 : 1);
  out.u16(integer(child(cascade, 'width')));
  out.u16(integer(child(cascade, 'height')));
  out.u32(features.length);
  out.u16(stages.length);
  for (const feature of features) {
    if (lbp) {
      for (const v of numbers(child(feature, 'rect'))) out.u8(v);
      continue;
    }
    const tilted = feature.children.find((c) => c.name === 'tilted');
    if (tilted && integer(tilted) !== 0) fail(`${xmlPath}: tilted Haar features are not supported`);
    const rects = child(feature, 'rects').children;
    out.u8(rects.length);
    for (const rect of rects) {
      const [x, y, w, h, weight] = numbers(rect);
      [x, y, w, h].forEach((v) => out.u8(v));
      out.f32(weight);
    }
  }
  for (const stage of stages) {
    const weaks = child(stage, 'weakClassifiers').children;
    out.u16(weaks.length);
    out.f32(Number(child(stage, 'stageThreshold').text));
    for (const weak of weaks) {
      const nodes = numbers(child(weak, 'internalNodes'));
      const leaves = numbers(child(weak, 'leafValues'));
      const nodeSize = lbp ? 11 : 4;  // left, right, feature, then 8 subset words | a threshold
      if (nodes.length !== nodeSize || leaves.length !== 2 || nodes[0] !== 0 || nodes[1] !== -1) {
        fail(`${xmlPath}: only decision stumps are supported`);
      }
      const featureIndex = nodes[2];
      if (featureIndex >= features.length) fail(`${xmlPath}: feature ${featureIndex} out of range`);
      out.u16(featureIndex);
      if (lbp) nodes.slice(3).forEach((word) => out.u32(word));
      else out.f32(nodes[3]);
      out.f32(leaves[0]);
      out.f32(leaves[1]);
    }
  }
}

const args = process.argv.slice(2);
const outIndex = args.indexOf('-o');
if (outIndex < 0 || !args[outIndex + 1]) fail('usage: convert-cascade.mjs -o OUT.bin NAME=CASCADE.xml ...');
const outPath = args[outIndex + 1];
const inputs = args.filter((_, i) => i !== outIndex && i !== outIndex + 1).map((arg) => {
  const eq = arg.indexOf('=');
  if (eq < 1) fail(`expected NAME=PATH.xml, got ${arg}`);
  return [arg.slice(0, eq), arg.slice(eq + 1)];
});
if (inputs.length === 0) fail('no cascades given');

const out = new Writer();
for (const ch of 'SMPCAS01') out.u8(ch.charCodeAt(0));
out.u32(inputs.length);
for (const [name, path] of inputs) writeCascade(out, name, path);
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, out.buffer());
