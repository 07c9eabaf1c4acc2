// Browser storage for Welkom: only the encrypted autosave (age ciphertext,
// same passphrase as the roster) is ever stored, in IndexedDB, so unsaved work
// survives a crash or a closed tab without plaintext leaving the wasm memory.
(function () {
  'use strict';
  var kDatabase = 'welkom';
  var kStore = 'autosave';
  var kKey = 'current';

  // Some browsers refuse IndexedDB to a page opened from a file (file://) or
  // in a private window. Then autosave is off: the app says so once, in its
  // notices, and nothing more is attempted or logged.
  var unavailable = false;
  function storageUnavailable(error) {
    if (unavailable) return;
    unavailable = true;
    console.info('Welkom: browser storage is unavailable, autosave is off (' + error + ')');
    if (Module.calledRun) Module.ccall('welkom_autosave_unavailable', null, [], []);
  }

  function withStore(mode, action) {
    return new Promise(function (resolve, reject) {
      var request;
      try {
        if (!window.indexedDB) throw new Error('no IndexedDB in this browser');
        request = indexedDB.open(kDatabase, 1);
      } catch (error) {
        storageUnavailable(error);
        resolve(undefined);
        return;
      }
      request.onupgradeneeded = function () { request.result.createObjectStore(kStore); };
      request.onerror = function (event) {
        if (event && event.preventDefault) event.preventDefault();
        storageUnavailable(request.error);
        resolve(undefined);
      };
      request.onsuccess = function () {
        var db = request.result;
        var transaction = db.transaction(kStore, mode);
        var result = action(transaction.objectStore(kStore));
        transaction.oncomplete = function () { db.close(); resolve(result && result.result); };
        transaction.onerror = function () { db.close(); reject(transaction.error); };
      };
    });
  }

  function warn(what) { return function (error) { console.warn('Welkom: ' + what + ': ' + error); }; }

  window.welkomStorage = {
    storeAutosave: function (name, bytes) {
      if (unavailable) return;
      var record = { name: name, bytes: bytes, savedAt: new Date().toISOString() };
      withStore('readwrite', function (store) { return store.put(record, kKey); }).catch(warn('autosave failed'));
    },
    deleteAutosave: function () {
      if (unavailable) return;
      withStore('readwrite', function (store) { return store.delete(kKey); }).catch(warn('could not remove the autosave'));
    },
    // Hands a stored autosave to the app once it runs.
    offerAutosave: function () {
      withStore('readonly', function (store) { return store.get(kKey); }).then(function (record) {
        if (!record || !record.bytes) return;
        var when = record.savedAt ? new Date(record.savedAt).toLocaleString() : '';
        var offered = window.welkomHeapCopy(new Uint8Array(record.bytes), function (pointer, length) {
          Module.ccall('welkom_autosave_found', null, ['string', 'number', 'number', 'string'],
            [record.name || 'autosave.welkom.age', pointer, length, when]);
        });
        if (!offered) console.warn('Welkom: no memory left to offer the autosave');
      }).catch(warn('could not read the autosave'));
    }
  };
})();
