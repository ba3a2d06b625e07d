// Keeps an offline copy of the page after one visit: registers sw.js, which caches
// every file the app uses (see there). Only where service workers exist: pages served
// over https (or from localhost). The single-file build needs no copy: it is one.
import { assetUrl, hasInlineAssets } from './assets.js';

export function keepOfflineCopy() {
  if (hasInlineAssets() || !/^https?:$/.test(location.protocol)) return;
  if (!('serviceWorker' in navigator)) {
    console.warn('smp-preview: this page works online only here: keeping an offline copy needs https.');
    return;
  }
  navigator.serviceWorker.register(assetUrl('sw.js')).catch((error) => {
    console.warn(`smp-preview: this page works online only: its offline copy could not be kept (${error.message}).`);
  });
}
