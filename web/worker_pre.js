// Runs before Emscripten's runtime in the worker: the worker, like the page,
// gets its wasm binary from a script (no fetch), see web/tools/pack_payload.py.
// The single-file build puts the payload in front of this script instead.
if (!self.welkomPayload) importScripts('welkom-worker-payload.js');
// One byte per character in the payload's string (web/tools/pack_payload.py).
Module['wasmBinary'] = (function (text) {
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
})(self.welkomPayload.wasm);
self.welkomPayload = null;
