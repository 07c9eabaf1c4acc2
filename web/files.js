// File glue between the page and the app: open (button or drop), save (as a
// download), and the unsaved-changes warning when the tab is closed.
// Bytes go straight into the wasm heap and out again; nothing is written to
// browser storage or to Emscripten's file system.
(function () {
  'use strict';

  // What the picker was opened for (the app's FilePurpose): 0 roster, 1 research extract.
  var kRoster = 0, kResearch = 1;
  var pickPurpose = kRoster;

  function deliver(name, arrayBuffer, purpose) {
    var bytes = new Uint8Array(arrayBuffer);
    var pointer = Module._malloc(Math.max(bytes.length, 1));
    Module.HEAPU8.set(bytes, pointer);
    Module.ccall('welkom_file_received', null, ['string', 'number', 'number', 'number'],
      [name, pointer, bytes.length, purpose]);
    Module.HEAPU8.fill(0, pointer, pointer + bytes.length);
    Module._free(pointer);
  }

  function readAndDeliver(file, purpose) {
    if (!file) return;
    file.arrayBuffer().then(function (buffer) { deliver(file.name, buffer, purpose); },
      function (error) { console.warn('Welkom: could not read ' + file.name + ': ' + error); });
  }

  var input = document.createElement('input');
  input.type = 'file';
  input.accept = '.age,.json,application/json';
  input.style.display = 'none';
  input.addEventListener('change', function () {
    readAndDeliver(input.files[0], pickPurpose);
    input.value = '';
  });
  document.body.appendChild(input);

  document.addEventListener('dragover', function (event) { event.preventDefault(); });
  document.addEventListener('drop', function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length > 0) readAndDeliver(event.dataTransfer.files[0], kRoster);
  });

  var unsaved = false;
  window.addEventListener('beforeunload', function (event) {
    if (!unsaved) return undefined;
    event.preventDefault();
    event.returnValue = '';
    return '';
  });

  window.welkomFiles = {
    // Shows the browser's file picker (called right after the click in the app)
    // for a roster or, with purpose 1, an anonymised research extract.
    pick: function (purpose) {
      pickPurpose = purpose === kResearch ? kResearch : kRoster;
      input.accept = pickPurpose === kResearch ? '.csv,.json,text/csv,application/json' : '.age,.json,application/json';
      input.click();
    },
    // Offers `bytes` (a Uint8Array copy) as a download named `name`.
    download: function (name, bytes, mimeType) {
      var url = URL.createObjectURL(new Blob([bytes], { type: mimeType || 'application/octet-stream' }));
      var link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.style.display = 'none';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    },
    setUnsaved: function (value) { unsaved = !!value; }
  };
})();
