// Brings a simulator from the design it holds (`applied`, updated field by field) to
// `design`, calling only the setters whose value changed: the engine then reruns only
// the stages after the earliest change. A setter that throws leaves `applied` true.
const scalarSetters = [
  ['template', 'setTemplate'],
  ['coverage', 'setCoverage'],
  ['hairlineOffsetMm', 'setHairlineOffset'],
  ['transitionMm', 'setTransition'],
  ['density', 'setDensity'],
  ['sessions', 'setSessions'],
  ['healingDay', 'setHealingDay'],
  ['years', 'setYears'],
  ['seed', 'setSeed'],
  ['whorl', 'setWhorl'],
  ['pxPerMm', 'setScaleOverride'],
];

function sameHandles(a, b) {
  return a && b && ['left', 'mid', 'right'].every((k) => a[k][0] === b[k][0] && a[k][1] === b[k][1]);
}

// '#rrggbb' → [r, g, b]
function parseHexColour(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

const sameDab = (a, b) => a.x === b.x && a.y === b.y && a.r === b.r && a.erase === b.erase;

// Adds only the new dabs when the old strokes are a prefix of the new ones (painting),
// else starts over (undo, reset). Compared by value: designs arrive as copies.
function applyBrush(simulator, applied, brush) {
  const old = applied.brush ?? [];
  const extendsOld = old.length <= brush.length && old.every((dab, i) => sameDab(dab, brush[i]));
  if (!extendsOld) {
    simulator.clearBrush();
    applied.brush = [];
  }
  applied.brush ??= []; // our own list: it grows with each dab the simulator took
  for (let i = applied.brush.length; i < brush.length; i++) {
    const { x, y, r, erase } = brush[i];
    simulator.addBrushStroke(x, y, r, erase);
    applied.brush.push(brush[i]);
  }
}

export function applyDesign(simulator, applied, design) {
  if (!sameHandles(applied.handles, design.handles)) {
    const { left, mid, right } = design.handles;
    simulator.setHandles(left[0], left[1], mid[0], mid[1], right[0], right[1]);
    applied.handles = design.handles;
  }
  for (const [key, setter] of scalarSetters) {
    if (applied[key] !== design[key]) {
      simulator[setter](design[key]);
      applied[key] = design[key];
    }
  }
  const pigment = design.shade === 'custom' ? design.customColour : design.shade;
  if (applied.pigment !== pigment) {
    if (design.shade === 'custom') simulator.setCustomColour(...parseHexColour(pigment));
    else simulator.setShade(pigment);
    applied.pigment = pigment;
  }
  applyBrush(simulator, applied, design.brush);
  return applied;
}
