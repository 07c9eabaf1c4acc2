// File glue between the page and the app: open (button or drop), save (as a
// download), and the unsaved-changes warning when the tab is closed.
// Bytes go straight into the wasm heap and out again; nothing is written to
// browser storage or to Emscripten's file system.
(function () {
  'use strict';

  // What the picker was opened for (the app's FilePurpose): 0 roster, 1 research
  // extract, 2 sign-up files (several at once).
  var kRoster = 0, kResearch = 1, kSignups = 2, kSheet = 3, kIdentity = 4;
  var pickPurpose = kRoster;

  // Why a file was not handed over (welkom_file_not_read): the app says it in words.
  var kTooLarge = 0, kUnreadable = 1, kOutOfMemory = 2;
  function notRead(name, reason) {
    Module.ccall('welkom_file_not_read', null, ['string', 'number'], [name, reason]);
  }

  // Hands `bytes` to `use(pointer, length)` as a NUL-terminated copy in the
  // wasm heap, zeroed and freed right after (it may be a roster or a
  // passphrase). Returns false, calling nothing, when the heap has no room:
  // malloc returns 0 then (ALLOW_MEMORY_GROWTH makes it fail softly), and
  // writing there would overwrite the app's memory. Used by storage.js and
  // a11y.js too (window.welkomHeapCopy).
  function withHeapCopy(bytes, use) {
    var pointer = Module._malloc(bytes.length + 1);
    if (!pointer) return false;
    Module.HEAPU8.set(bytes, pointer);
    Module.HEAPU8[pointer + bytes.length] = 0;
    try {
      use(pointer, bytes.length);
    } finally {
      Module.HEAPU8.fill(0, pointer, pointer + bytes.length + 1);  // HEAPU8 again: the heap may have grown
      Module._free(pointer);
    }
    return true;
  }
  window.welkomHeapCopy = withHeapCopy;

  function deliver(name, arrayBuffer, purpose) {
    var delivered = withHeapCopy(new Uint8Array(arrayBuffer), function (pointer, length) {
      Module.ccall('welkom_file_received', null, ['string', 'number', 'number', 'number'], [name, pointer, length, purpose]);
    });
    if (!delivered) notRead(name, kOutOfMemory);
  }

  // The size comes from the File object, so a file over the limit is refused
  // before a byte of it is read into the page (a dropped 2 GB file would
  // otherwise end the page, and everything unsaved with it).
  function readAndDeliver(file, purpose) {
    if (!file) return;
    if (file.size > Module.ccall('welkom_max_open_file_bytes', 'number', [], [])) { notRead(file.name, kTooLarge); return; }
    file.arrayBuffer().then(function (buffer) {
      try {
        deliver(file.name, buffer, purpose);
      } catch (error) {  // RangeError: no memory for the copy
        console.warn('Welkom: could not hand over ' + file.name + ': ' + error);
        notRead(file.name, kOutOfMemory);
      }
    }, function (error) {
      console.warn('Welkom: could not read ' + file.name + ': ' + error);
      notRead(file.name, error && error.name === 'NotReadableError' ? kUnreadable : kOutOfMemory);
    });
  }

  // Sign-up files (*.welkom-signup.age) arrive together: every one is read,
  // handed over, and then the app is told that the batch is complete, so it
  // imports them as one preview and one undoable step.
  function isSignupFile(file) { return /[.]welkom-signup[.]age$/.test(file.name); }
  function readAndDeliverSignups(files) {
    var limit = Module.ccall('welkom_max_open_file_bytes', 'number', [], []);
    var reads = files.map(function (file) {
      if (file.size > limit) { notRead(file.name, kTooLarge); return Promise.resolve(null); }
      return file.arrayBuffer().then(function (buffer) { return { file: file, buffer: buffer }; }, function (error) {
        console.warn('Welkom: could not read ' + file.name + ': ' + error);
        notRead(file.name, error && error.name === 'NotReadableError' ? kUnreadable : kOutOfMemory);
        return null;
      });
    });
    Promise.all(reads).then(function (read) {
      read.forEach(function (entry) {
        if (!entry) return;
        try {
          deliver(entry.file.name, entry.buffer, kSignups);
        } catch (error) {
          console.warn('Welkom: could not hand over ' + entry.file.name + ': ' + error);
          notRead(entry.file.name, kOutOfMemory);
        }
      });
      Module.ccall('welkom_signup_files_done', null, [], []);
    });
  }

  var input = document.createElement('input');
  input.type = 'file';
  input.accept = '.age,.json,application/json';
  input.style.display = 'none';
  input.addEventListener('change', function () {
    if (pickPurpose === kSignups) readAndDeliverSignups(Array.prototype.slice.call(input.files));
    else readAndDeliver(input.files[0], pickPurpose);
    input.value = '';
  });
  document.body.appendChild(input);

  document.addEventListener('dragover', function (event) { event.preventDefault(); });
  document.addEventListener('drop', function (event) {
    event.preventDefault();
    if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
    var files = Array.prototype.slice.call(event.dataTransfer.files);
    var signups = files.filter(isSignupFile);
    var others = files.filter(function (file) { return !isSignupFile(file); });
    if (signups.length > 0) readAndDeliverSignups(signups);
    if (others.length > 0) readAndDeliver(others[0], kRoster);
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
    // for a roster or, with purpose 1, an anonymised research extract, with
    // purpose 2 any number of sign-up files.
    pick: function (purpose) {
      pickPurpose = purpose === kResearch || purpose === kSignups || purpose === kSheet || purpose === kIdentity
        ? purpose : kRoster;
      input.accept = pickPurpose === kResearch ? '.csv,.json,text/csv,application/json'
                   : pickPurpose === kSignups ? '.age'
                   : pickPurpose === kSheet ? '.csv,.tsv,.txt,text/csv'
                   : pickPurpose === kIdentity ? '.txt,.key,text/plain' : '.age,.json,application/json';
      input.multiple = pickPurpose === kSignups;
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
