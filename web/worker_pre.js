// Runs before Emscripten's runtime in the worker: the worker, like the page,
// gets its wasm binary from a script (no fetch), see web/tools/pack_payload.py.
// The single-file build puts the payload in front of this script instead.
if (!self.welkomPayload) importScripts('welkom-worker-payload.js');
Module['wasmBinary'] = (function (text) {
  var binary = atob(text);
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
})(self.welkomPayload.wasm);
self.welkomPayload = null;
