// File glue between the page and the app: open (button or drop), save (as a
// download), and the unsaved-changes warning when the tab is closed.
// Bytes go straight into the wasm heap and out again; nothing is written to
// browser storage or to Emscripten's file system.
(function () {
  'use strict';

  function deliver(name, arrayBuffer) {
    var bytes = new Uint8Array(arrayBuffer);
    var pointer = Module._malloc(Math.max(bytes.length, 1));
    Module.HEAPU8.set(bytes, pointer);
    Module.ccall('welkom_file_received', null, ['string', 'number', 'number'], [name, pointer, bytes.length]);
    Module.HEAPU8.fill(0, pointer, pointer + bytes.length);
    Module._free(pointer);
  }

  function readAndDeliver(file) {
    if (!file) return;
    file.arrayBuffer().then(function (buffer) { deliver(file.name, buffer); },
      function (error) { console.warn('Welkom: could not read ' + file.name + ': ' + error); });
  }

  var input = document.createElement('input');
  input.type = 'file';
  input.accept = '.age,.json,application/json';
  input.style.display = 'none';
  input.addEventListener('change', function () {
    readAndDeliver(input.files[0]);
    input.value = '';
  });
  document.body.appendChild(input);

  document.addEventListener('dragover', function (event) { event.preventDefault(); });
  document.addEventListener('drop', function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length > 0) readAndDeliver(event.dataTransfer.files[0]);
  });

  var unsaved = false;
  window.addEventListener('beforeunload', function (event) {
    if (!unsaved) return undefined;
    event.preventDefault();
    event.returnValue = '';
    return '';
  });

  window.welkomFiles = {
    // Shows the browser's file picker (called right after the click in the app).
    pick: function () { input.click(); },
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
