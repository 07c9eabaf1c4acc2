// Starts Welkom: checks what the browser can do, then hands the wasm binary
// and assets from welkom-payload.js to Emscripten's runtime (welkom.js).
// No network: everything comes from this page's own script files.
(function () {
  'use strict';
  var statusBox = document.getElementById('status');
  var statusText = document.getElementById('status-text');

  var fatalMessages = {
    wasm: 'This browser cannot run WebAssembly, which Welkom needs. Please use a current Firefox, Chrome, Edge or Safari. / ' +
          'Deze browser kan geen WebAssembly uitvoeren. Gebruik een recente Firefox, Chrome, Edge of Safari.',
    webgl2: 'This browser or computer has WebGL2 switched off or unavailable, which Welkom needs to draw its screen. ' +
            'Try another browser, or enable hardware acceleration. / Deze browser of computer heeft geen WebGL2. ' +
            'Probeer een andere browser of zet hardwareversnelling aan.',
    crash: 'Welkom stopped because of an internal error. Reload the page; unsaved changes since the last save may be lost. / ' +
           'Welkom is gestopt door een interne fout. Herlaad de pagina.'
  };

  function showFatal(kind, detail) {
    statusBox.className = 'fatal';
    statusText.textContent = fatalMessages[kind] || String(kind);
    if (detail) console.error('Welkom: ' + detail);
  }
  window.welkomShowFatal = showFatal;
  window.welkomReady = function () {
    statusBox.className = 'hidden';
    window.welkomStorage.offerAutosave();
  };

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') { showFatal('wasm'); return; }
  var probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) { showFatal('webgl2'); return; }

  // The payload's strings hold one byte per character (web/tools/pack_payload.py).
  function bytesOf(text) {
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  // The single-file build (web/tools/make_single_file.py) carries each script
  // as a data block in the page; its text runs as an inline script, allowed by
  // its hash in the page's policy. Otherwise the script is the file `src`.
  function inlinedFile(name) {
    var block = document.getElementById('welkom-file:' + name);
    if (!block) return null;
    var text = block.textContent;
    block.remove();
    return text;
  }

  function loadScript(src, onload) {
    var script = document.createElement('script');
    var inlined = inlinedFile(src);
    if (inlined !== null) {
      script.textContent = inlined;
      document.body.appendChild(script);  // inline scripts run right here
      if (onload) onload();
      return;
    }
    script.src = src;
    script.onload = onload;
    script.onerror = function () { showFatal('crash', 'could not load ' + src); };
    document.body.appendChild(script);
  }

  // The worker (key derivation, encryption, matching: it sees decrypted
  // rosters and passphrases) always starts from a Blob URL. A worker loaded
  // from its own URL takes its Content-Security-Policy from its own HTTP
  // response, which static hosts do not set; a Blob worker inherits this
  // page's policy, so connect-src 'none' holds inside it too.
  // Single file: the worker's script is in the page (and browsers refuse
  // workers from file:// anyway). Hosted: a two-line Blob imports the
  // worker's files from this folder (allowed by script-src 'self').
  var workerSource = inlinedFile('welkom-worker.js');
  if (workerSource === null) {
    var here = function (name) { return JSON.stringify(new URL(name, document.baseURI).href); };
    workerSource = 'importScripts(' + here('welkom-worker-payload.js') + ');\n' +
                   'importScripts(' + here('welkom-worker.js') + ');\n';
  }
  window.welkomWorkerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));

  loadScript('welkom-payload.js', function () {
    var payload = self.welkomPayload;
    window.Module = {
      canvas: document.getElementById('canvas'),
      wasmBinary: bytesOf(payload.wasm),
      preRun: [function () {
        Object.keys(payload.files).forEach(function (path) {
          var dir = path.substring(0, path.lastIndexOf('/'));
          Module.FS.mkdirTree(dir);
          Module.FS.writeFile(path, bytesOf(payload.files[path]));
        });
        self.welkomPayload = null;
      }],
      print: function (text) { console.log(text); },
      // Emscripten reports warnings here too; real failures arrive in onAbort.
      printErr: function (text) { console.warn(text); },
      onAbort: function (what) { showFatal('crash', 'aborted: ' + what); }
    };
    loadScript('files.js', function () {
      loadScript('storage.js', function () {
        loadScript('script_text.js', function () {
          loadScript('welkom-test.js', function () {
            loadScript('a11y.js', function () { loadScript('welkom.js'); });
          });
        });
      });
    });
  });
})();
