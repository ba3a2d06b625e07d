// Every way a photo comes in: the picker, the camera, drag and drop anywhere on the
// page, paste, and the demo photo. Each ends in onPhoto(file, options).
import { cameraSupported, capturePhoto } from '../camera.js';
import { assetBytes, assetJson } from './assets.js';
import { t } from './i18n.js';

export const maxFileBytes = 64 * 1024 * 1024; // the engine's own limit, checked before reading

export function bindIntake({ onPhoto, onError, isBusy, signal }) {
  const picker = document.querySelector('#photo-input');
  const cameraInput = document.querySelector('#camera-input');
  const take = (file, options) => {
    if (file && !isBusy()) onPhoto(file, options);
  };

  for (const input of [picker, cameraInput]) {
    input.addEventListener('change', () => {
      take(input.files[0]);
      input.value = ''; // choosing the same file again still fires
    });
  }

  document.querySelector('#camera-button').addEventListener('click', async () => {
    // Phones without getUserMedia (or in an insecure context) get the system camera.
    if (!cameraSupported()) {
      cameraInput.click();
      return;
    }
    try {
      take(await capturePhoto({ signal }));
    } catch (error) {
      onError(error.message);
    }
  });

  document.querySelector('#demo-button').addEventListener('click', async () => {
    try {
      const info = await assetJson('demo/demo.json');
      const bytes = await assetBytes(`demo/${info.file}`); // the engine reads the format from the bytes
      // Its name and credit are in the locale files (intake.demoName, intake.demoCredit).
      take(new File([bytes], t('intake.demoName')), { handleFractions: info.handles, isDemo: true });
    } catch (error) {
      onError(t('intake.demoFailed', { reason: error.message }));
    }
  });

  // A photo dropped anywhere must not make the browser navigate away to it.
  for (const type of ['dragover', 'drop']) window.addEventListener(type, (event) => event.preventDefault());
  window.addEventListener('dragover', (event) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.dataTransfer.dropEffect = 'copy';
    document.body.classList.add('dragging');
  });
  window.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) document.body.classList.remove('dragging');
  });
  window.addEventListener('drop', (event) => {
    document.body.classList.remove('dragging');
    take(event.dataTransfer.files[0]);
  });

  window.addEventListener('paste', (event) => {
    const file = [...(event.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
    if (file) take(new File([file], file.name || t('intake.pastedName'), { type: file.type }));
  });
}
