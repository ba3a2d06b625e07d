// Files to save: the worker draws the result at full size; the before/after picture
// is composed here (both images side by side, the settings written under them).
import { t } from './i18n.js';

const captionLineHeight = 1.5;
const areaNames = {
  full: () => t('export.areaFull'),
  crown: () => t('export.areaCrown'),
  'density-fill': () => t('export.areaDensityFill'),
  patch: () => t('export.areaPatch'),
};

// Lines of settings text for the before/after picture. templates: [{id, label}].
export function describeDesign(design, templates) {
  const style = templates.find((template) => template.id === design.template)?.label ?? design.template;
  const shade = design.shade === 'custom' ? t('export.shadeCustom', { colour: design.customColour }) : t('export.shadeOf', { shade: design.shade });
  const healing = design.healingDay >= 28 ? t('export.healed') : t('export.day', { day: design.healingDay });
  const offsetMm = design.hairlineOffsetMm;
  const offset = offsetMm ? t('export.captionOffset', { offset: `${offsetMm > 0 ? '+' : ''}${offsetMm}` }) : '';
  const sessions = design.sessions > 1 ? t('export.sessionsMany', { count: design.sessions }) : t('export.sessionsOne', { count: design.sessions });
  const afterYears = design.years === 1 ? t('export.afterYearOne', { years: 1 }) : t('export.afterYears', { years: design.years });
  const years = design.years ? afterYears : '';
  const area = areaNames[design.coverage]?.() ?? design.coverage;
  return [
    t('export.captionDesign', { style, offset, shade, density: Math.round(design.density * 100), area }),
    t('export.captionCourse', { sessions, healing, years, seed: design.seed }),
    t('export.captionFooter'),
  ];
}

function canvasToBlob(canvas, type) {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t('export.encodeFailed')))), type, 0.92);
  });
}

// The caption's font size under two pictures `width` pixels wide each.
export const captionFontSize = (width) => Math.max(14, Math.round(width / 45));

// before, after: canvases of the same size.
export function composeBeforeAfter(before, after, lines, type) {
  const { width, height } = before;
  const gap = Math.round(width * 0.02);
  const fontSize = captionFontSize(width);
  const captionHeight = Math.round(fontSize * captionLineHeight * (lines.length + 1.5));
  const canvas = document.createElement('canvas');
  canvas.width = 2 * width + gap;
  canvas.height = height + captionHeight;
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(before, 0, 0);
  context.drawImage(after, width + gap, 0);
  context.font = `600 ${fontSize}px system-ui, sans-serif`;
  context.textBaseline = 'top';
  for (const [label, x] of [[t('export.before'), fontSize * 0.6], [t('export.afterSimulated'), width + gap + fontSize * 0.6]]) {
    const textWidth = context.measureText(label).width;
    context.fillStyle = 'rgba(0, 0, 0, 0.6)';
    context.fillRect(x - fontSize * 0.3, fontSize * 0.4, textWidth + fontSize * 0.6, fontSize * 1.5);
    context.fillStyle = '#ffffff';
    context.fillText(label, x, fontSize * 0.6);
  }
  context.fillStyle = '#1c2024';
  context.font = `${fontSize}px system-ui, sans-serif`;
  lines.forEach((line, i) => {
    context.fillText(line, fontSize * 0.6, height + fontSize * (0.75 + i * captionLineHeight), canvas.width - fontSize * 1.2);
  });
  return canvasToBlob(canvas, type);
}

// Saves a Blob as a download; the object URL lives only in this page.
export function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// "reisman.jpg" → "reisman-smp"
export function baseName(photoName) {
  const stem = photoName.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${stem || 'photo'}-smp`;
}
