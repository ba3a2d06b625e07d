// Starting over on a shared tablet: everything the page's origin keeps on the device
// goes (local and session storage, every IndexedDB database), then the page loads
// afresh. A new document is what frees the photo for certain: the worker, the WASM
// memory, the canvases and the undo history all belong to the old one. The service
// worker's cache is kept: it holds only the page's own static files, never a photo,
// and the kiosk needs it to run offline.

// Each store on its own: one that throws (storage disabled, a sandboxed frame) must
// not keep the others, or the restart, from happening.
function attempt(wipe) {
  try {
    return Promise.resolve(wipe()).catch(() => {});
  } catch {
    return Promise.resolve();
  }
}

// Resolves once the database is gone, or once the deletion is queued behind a
// connection still open (it completes when that closes, at the latest as the page unloads).
function deleteDatabase(name) {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

export async function wipeDevice() {
  await Promise.all([
    attempt(() => localStorage.clear()),
    attempt(() => sessionStorage.clear()),
    attempt(async () => {
      const databases = await indexedDB.databases();
      await Promise.all(databases.map(({ name }) => deleteDatabase(name)));
    }),
  ]);
}

// This page's address without its fragment (which could hold a design code).
function freshAddress(href = location.href) {
  const url = new URL(href);
  url.hash = '';
  return url.href;
}

// A wipe that hangs (IndexedDB has had such bugs) must not keep the photo on screen;
// what it leaves, the fresh page's own wipe takes.
const longestWipeMs = 2000;

// Replaces this document (no history entry to go back to) with a fresh one.
export async function startOver() {
  await Promise.race([wipeDevice(), new Promise((resolve) => { setTimeout(resolve, longestWipeMs); })]);
  location.replace(freshAddress());
}
