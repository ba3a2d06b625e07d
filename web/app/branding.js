// A clinic's look on the page (app/config.js): the brand colour, the logo and name in
// the header, a call-to-action button and the privacy line. applyBranding can run again
// at any time (the embed API's set-options) and undoes what a previous call showed.
import { onLanguageChange, t } from './i18n.js';

const root = document.documentElement;
const nearBlack = '#111418';
let shown = null; // the configuration applied last
let bar = null; // the header's row with the logo, the name and the button, made once

// WCAG relative luminance of "#rrggbb" or "#rgb".
function luminance(colour) {
  const hex = colour.length === 4 ? colour.replace(/[0-9a-f]/gi, '$&$&') : colour;
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

// White or near-black, whichever reads better on the colour (one of them always
// reaches 4.5:1).
function textColourOn(colour) {
  const background = luminance(colour);
  return contrast(background, 1) >= contrast(background, luminance(nearBlack)) ? '#ffffff' : nearBlack;
}

// style.css draws primary buttons, focus rings and selected options with these.
function applyBrandColour(colour) {
  if (!colour) {
    for (const name of ['--accent', '--on-accent', '--accent-soft']) root.style.removeProperty(name);
    return;
  }
  root.style.setProperty('--accent', colour);
  root.style.setProperty('--on-accent', textColourOn(colour));
  root.style.setProperty('--accent-soft', `color-mix(in srgb, ${colour} 16%, var(--surface))`);
}

function brandBar() {
  if (bar) return bar;
  const logo = document.createElement('img');
  logo.className = 'brand-logo';
  logo.addEventListener('error', () => {
    console.warn(`smp-preview: the logo ${logo.src} could not be loaded; it is left out.`);
    logo.hidden = true;
  });
  const name = document.createElement('span');
  name.className = 'brand-name';
  const label = document.createElement('span');
  const newTab = document.createElement('span');
  newTab.className = 'visually-hidden';
  newTab.dataset.i18n = 'embed.newTab';
  newTab.textContent = t('embed.newTab');
  const cta = document.createElement('a');
  cta.className = 'button primary brand-cta';
  cta.target = '_blank';
  cta.rel = 'noopener';
  cta.append(label, ' ', newTab);
  const identity = document.createElement('div');
  identity.className = 'brand';
  identity.append(logo, name);
  const row = document.createElement('div');
  row.className = 'brand-bar';
  row.append(identity, cta);
  document.querySelector('header.top').prepend(row);
  bar = { row, logo, name, cta, label };
  return bar;
}

// The page's Content Security Policy shows images of its own origin only.
function sameOriginLogo(url) {
  if (!url) return '';
  if (new URL(url).origin === location.origin) return url;
  console.warn(`smp-preview: the logo must be on this page's origin (${location.origin}), not ${new URL(url).origin}; it is left out.`);
  return '';
}

// The words that depend on the language: translate(document) rewrote #privacy just
// before a language change calls this.
function showTexts() {
  const privacy = document.querySelector('#privacy');
  privacy.textContent = shown.privacyText || t(privacy.dataset.i18n);
  // Beside the clinic's name the logo is decoration; alone it names the clinic.
  bar.logo.alt = shown.clinicName ? '' : t('embed.logo');
}

export function applyBranding(config) {
  if (!shown) onLanguageChange(showTexts);
  shown = config;
  applyBrandColour(config.brandColor);
  const { row, logo, name, cta, label } = brandBar();
  const logoUrl = sameOriginLogo(config.logo);
  if (!logoUrl) logo.removeAttribute('src'); // an empty src would fire an error
  else if (logo.getAttribute('src') !== logoUrl) logo.src = logoUrl;
  logo.hidden = !logoUrl;
  name.textContent = config.clinicName;
  name.hidden = !config.clinicName;
  cta.hidden = !config.cta;
  if (config.cta) {
    cta.href = config.cta.url;
    label.textContent = config.cta.label;
  } else cta.removeAttribute('href');
  // kiosk.css leaves the call to action out: a row with only that would show empty.
  const ctaShown = Boolean(config.cta) && !document.body.classList.contains('kiosk');
  row.hidden = !logoUrl && !config.clinicName && !ctaShown;
  showTexts();
}
