// The accessibility mirror's page side: a hidden DOM tree beside the canvas
// with the roles, names and states of what the app draws (src/ui/a11y_tree.h
// builds it and sends only what changed each frame), for screen readers,
// keyboard use, browser translation and zoom tools, and tests by role.
//
//   window.welkomA11y.apply(json)   called by the app (main_web.cpp)
//
// Each control is a real element over the place it is drawn, transparent:
// buttons, tabs, menu items, checkboxes and radio buttons are <button>s,
// sliders <input type=range>, text fields <input> (type=password for a
// passphrase). What happens on them goes back to the app:
//   - focus (Tab, a screen reader) moves the app's keyboard focus there,
//     and the app's own keyboard navigation moves the DOM focus;
//   - Enter, Space or a click without a mouse activates the item;
//   - typing into a field (input methods included) sets the app's text;
//   - a slider's keys set the app's value.
// Mouse use stays the canvas's: mouse events on the elements are passed on
// to the canvas unchanged, so pointing, dragging and hovering work as before.
(function () {
  'use strict';

  var root = null;
  var descriptions = null;
  var ring = null;
  var live = {};
  var nodes = new Map();  // id -> {el, role, positioned}
  var echoFocus = true;    // false while the app moves the DOM focus itself

  var buttonRoles = { button: 1, checkbox: 1, radio: 1, tab: 1, menuitem: 1, menuitemcheckbox: 1, combobox: 1, option: 1 };
  var cellRoles = { gridcell: 1, columnheader: 1 };
  var kChecked = 1, kExpanded = 2, kSelected = 4, kDisabled = 8, kHasPopup = 16, kModal = 32, kPassword = 64,
      kCheckable = 128;

  function call(name, types, args) {
    if (typeof Module === 'undefined' || !Module.calledRun) return;
    Module.ccall(name, null, types, args);
  }

  function canvas() { return document.getElementById('canvas'); }

  // A field's text goes through a heap copy zeroed right after the call
  // (ccall's 'string' would leave it on the wasm stack): it may be a passphrase.
  function setText(id, text) {
    if (typeof Module === 'undefined' || !Module.calledRun) return;
    var bytes = new TextEncoder().encode(text);
    window.welkomHeapCopy(bytes, function (pointer) {
      Module.ccall('welkom_a11y_set_text', null, ['number', 'number'], [id, pointer]);
    });
    bytes.fill(0);
  }

  function setUp() {
    if (root) return;
    root = document.createElement('div');
    root.id = 'a11y';
    descriptions = document.createElement('div');
    descriptions.id = 'a11y-descriptions';
    descriptions.hidden = true;
    ring = document.createElement('div');
    ring.id = 'a11y-focus-ring';
    ring.setAttribute('aria-hidden', 'true');
    ['polite', 'assertive'].forEach(function (kind) {
      var region = document.createElement('div');
      region.className = 'a11y-live';
      region.setAttribute('aria-live', kind);
      region.setAttribute('role', kind === 'assertive' ? 'alert' : 'status');
      live[kind] = region;
    });
    var c = canvas();
    c.parentNode.insertBefore(root, c.nextSibling);
    document.body.appendChild(descriptions);
    document.body.appendChild(ring);
    document.body.appendChild(live.polite);
    document.body.appendChild(live.assertive);
    listen();
  }

  function tagFor(role, states) {
    if (role === 'textbox') return (states & kPassword) ? 'password' : 'text';
    if (role === 'slider') return 'range';
    if (buttonRoles[role]) return 'button';
    return 'div';
  }

  function create(tag) {
    var el;
    if (tag === 'text' || tag === 'password' || tag === 'range') {
      el = document.createElement('input');
      el.type = tag;
      el.autocomplete = tag === 'password' ? 'current-password' : 'off';
      el.spellcheck = false;
    } else if (tag === 'button') {
      el = document.createElement('button');
      el.type = 'button';
    } else {
      el = document.createElement('div');
    }
    return el;
  }

  function setAttr(el, name, value) {
    if (value === null || value === undefined || value === '') el.removeAttribute(name);
    else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, value);
  }

  // ["n", id, role, name, value, description, states, min, max, step, placeholder]
  function upsert(op) {
    var id = op[1], role = op[2], name = op[3], value = op[4], desc = op[5], states = op[6];
    var tag = tagFor(role, states);
    var rec = nodes.get(id);
    if (!rec || rec.tag !== tag) {
      var el = create(tag);
      el.dataset.id = id;
      if (rec) {
        while (rec.el.firstChild && tag === 'div' && rec.tag === 'div') el.appendChild(rec.el.firstChild);
        rec.el.replaceWith(el);
      } else {
        root.appendChild(el);
      }
      rec = { el: el, tag: tag };
      nodes.set(id, rec);
    }
    var node = rec.el;
    rec.role = role;
    rec.positioned = tag !== 'div' || !!cellRoles[role];
    node.className = rec.positioned ? 'a11y-node' : 'a11y-group';
    var ariaRole = (tag === 'button' && role === 'button') || tag === 'text' || tag === 'password' || tag === 'range'
      ? '' : role;
    setAttr(node, 'role', ariaRole);
    if (tag === 'button') {
      if (node.textContent !== name) node.textContent = name;
      // A combobox takes its name from its label only, never from its content.
      setAttr(node, 'aria-label', role === 'combobox' ? name : null);
    } else if (tag === 'div') {
      // A cell's text is its name, not that text followed by the names of
      // the controls it holds (a chosen cell's button repeats it).
      if (cellRoles[role]) setLabelText(node, name);
      setAttr(node, 'aria-label', name);
    } else {
      setAttr(node, 'aria-label', name);
    }
    if (tag === 'range') {
      node.min = op[7]; node.max = op[8]; node.step = op[9] || 'any';
      if (node.value !== value) node.value = value;
      setAttr(node, 'aria-valuetext', value);
    } else if (tag === 'text' || tag === 'password') {
      if (document.activeElement !== node && tag === 'text' && node.value !== value) node.value = value;
      setAttr(node, 'placeholder', op[10]);
    }
    setAttr(node, 'aria-checked', (states & kCheckable) ? String(!!(states & kChecked)) : null);
    setAttr(node, 'aria-selected', role === 'tab' || role === 'row' || role === 'option' ? String(!!(states & kSelected)) : null);
    setAttr(node, 'aria-expanded', (states & (kExpanded | kHasPopup)) ? String(!!(states & kExpanded)) : null);
    setAttr(node, 'aria-haspopup', (states & kHasPopup) ? (role === 'combobox' ? 'listbox' : 'menu') : null);
    setAttr(node, 'aria-disabled', (states & kDisabled) ? 'true' : null);
    setAttr(node, 'aria-modal', (states & kModal) ? 'true' : null);
    setDescription(id, node, desc);
  }

  // A cell's own text sits in a first span; the controls it holds follow.
  function setLabelText(el, text) {
    var span = el.firstChild && el.firstChild.className === 'a11y-text' ? el.firstChild : null;
    if (!text) { if (span) span.remove(); return; }
    if (!span) {
      span = document.createElement('span');
      span.className = 'a11y-text';
      el.insertBefore(span, el.firstChild);
    }
    if (span.textContent !== text) span.textContent = text;
  }

  function setDescription(id, el, text) {
    var descId = 'a11y-desc-' + id;
    var holder = document.getElementById(descId);
    if (!text) {
      if (holder) holder.remove();
      el.removeAttribute('aria-describedby');
      return;
    }
    if (!holder) {
      holder = document.createElement('span');
      holder.id = descId;
      descriptions.appendChild(holder);
    }
    if (holder.textContent !== text) holder.textContent = text;
    setAttr(el, 'aria-describedby', descId);
  }

  function bounds(op) {
    var rec = nodes.get(op[1]);
    if (!rec || !rec.positioned) return;
    var s = rec.el.style;
    s.left = op[2] + 'px'; s.top = op[3] + 'px'; s.width = op[4] + 'px'; s.height = op[5] + 'px';
    if (rec.el === document.activeElement) showRing(rec.el);
  }

  function remove(id) {
    var rec = nodes.get(id);
    if (!rec) return;
    rec.el.remove();
    nodes.delete(id);
    var holder = document.getElementById('a11y-desc-' + id);
    if (holder) holder.remove();
  }

  // Puts `children` last in `parent`, in order (after a node's own text),
  // moving only the elements not already in place: a list that grows over a
  // few frames (the app sends a large new screen in parts) is not moved again
  // whole each frame.
  function arrange(parentId, children) {
    var parent = parentId === 0 ? root : (nodes.get(parentId) || {}).el;
    if (!parent) return;
    var next = null;  // what must follow the child placed now (null: the end)
    for (var i = children.length - 1; i >= 0; i--) {
      var rec = nodes.get(children[i]);
      if (!rec) continue;
      if (rec.el.parentNode !== parent || rec.el.nextSibling !== next) parent.insertBefore(rec.el, next);
      next = rec.el;
    }
  }

  // A passphrase chosen in a dialog with a second field to repeat it is new.
  function passwordHints() {
    root.querySelectorAll('input[type=password]').forEach(function (input) {
      var dialog = input.closest('[role=dialog]') || root;
      var count = dialog.querySelectorAll('input[type=password]').length;
      input.autocomplete = count > 1 ? 'new-password' : 'current-password';
    });
  }

  function say(kind, text) {
    var region = live[kind];
    region.textContent = '';
    // A new text node in the next task is announced even when it repeats.
    setTimeout(function () { region.textContent = text; }, 50);
  }

  function apply(json) {
    setUp();
    var message = JSON.parse(json);
    if (message.lang && document.documentElement.lang !== message.lang) document.documentElement.lang = message.lang;
    var passwords = false;
    message.ops.forEach(function (op) {
      switch (op[0]) {
        case 'n': upsert(op); passwords = passwords || op[2] === 'textbox'; break;
        case 'b': bounds(op); break;
        case 'd': remove(op[1]); break;
        case 'k': arrange(op[1], op[2]); break;
      }
    });
    if (passwords) passwordHints();
    message.say.forEach(function (entry) { say(entry[0] ? 'assertive' : 'polite', entry[1]); });
    if (message.focus) followAppFocus(message.focus);
  }

  // The app's keyboard navigation moved: move the DOM focus along, unless the
  // coordinator is somewhere else on the page.
  function followAppFocus(id) {
    var rec = nodes.get(id);
    if (!rec || !rec.positioned) return;
    var active = document.activeElement;
    var ours = !active || active === document.body || active === canvas() || root.contains(active);
    if (!ours || active === rec.el) return;
    echoFocus = false;
    rec.el.focus({ preventScroll: true });
    echoFocus = true;
  }

  function showRing(el) {
    var box = el.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) { ring.style.display = 'none'; return; }
    ring.style.display = 'block';
    ring.style.left = (box.left - 3) + 'px'; ring.style.top = (box.top - 3) + 'px';
    ring.style.width = box.width + 'px'; ring.style.height = box.height + 'px';
  }

  function idOf(el) {
    var target = el && el.closest ? el.closest('[data-id]') : null;
    return target && root.contains(target) ? Number(target.dataset.id) : 0;
  }

  function forward(event, Type) {
    var copy = new Type(event.type, event);
    canvas().dispatchEvent(copy);
  }

  function inside(el, event) {
    var box = el.getBoundingClientRect();
    return event.clientX >= box.left && event.clientX < box.right && event.clientY >= box.top && event.clientY < box.bottom;
  }

  function listen() {
    root.addEventListener('focusin', function (event) {
      var id = idOf(event.target);
      showRing(event.target);
      if (!id || !echoFocus) return;
      call('welkom_a11y_focus', ['number'], [id]);
      if (event.target.tagName === 'INPUT' && event.target.type !== 'range') call('welkom_a11y_activate', ['number'], [id]);
    });
    root.addEventListener('focusout', function () { ring.style.display = 'none'; });

    // Mouse: the canvas handles it, as if the elements were not there.
    root.addEventListener('mousedown', function (event) {
      var el = event.target.closest('[data-id]');
      if (!el || !inside(el, event)) return;  // a click without a pointer (assistive technology): see 'click'
      el.dataset.pointer = '1';
      event.preventDefault();
      canvas().focus({ preventScroll: true });
      forward(event, MouseEvent);
    });
    root.addEventListener('mousemove', function (event) { forward(event, MouseEvent); });
    root.addEventListener('wheel', function (event) { event.preventDefault(); forward(event, WheelEvent); },
      { passive: false });
    root.addEventListener('contextmenu', function (event) { event.preventDefault(); });

    // Activation without a pointer: Enter or Space on a button, a screen reader's click.
    root.addEventListener('click', function (event) {
      var el = event.target.closest('[data-id]');
      if (!el) return;
      if (el.dataset.pointer === '1') { delete el.dataset.pointer; return; }  // the canvas had the click
      if (el.tagName === 'BUTTON') call('welkom_a11y_activate', ['number'], [Number(el.dataset.id)]);
    });

    root.addEventListener('input', function (event) {
      var el = event.target;
      var id = Number(el.dataset.id);
      if (el.type === 'range') call('welkom_a11y_set_value', ['number', 'number'], [id, Number(el.value)]);
      else setText(id, el.value);
    });

    // Keys: what the element does itself stays with it (Tab moves the focus,
    // Enter and Space press a button, a field takes its text, a slider its
    // arrows); the rest (arrows between items, Escape, Ctrl+Z) goes on to the app.
    function keepKey(event) {
      var el = event.target;
      var key = event.key;
      if (key === 'Tab') return true;
      if (el.tagName === 'BUTTON') return key === 'Enter' || key === ' ';
      if (el.tagName === 'INPUT' && el.type === 'range')
        return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].indexOf(key) >= 0;
      if (el.tagName === 'INPUT') return key !== 'Enter' && key !== 'Escape';
      return false;
    }
    ['keydown', 'keypress', 'keyup'].forEach(function (type) {
      root.addEventListener(type, function (event) { if (keepKey(event)) event.stopPropagation(); });
    });
    // From the canvas, Tab leads into the mirror (the app would keep it).
    canvas().addEventListener('keydown', function (event) {
      if (event.key === 'Tab' && root.firstChild) event.stopPropagation();
    });
  }

  window.welkomA11y = { apply: apply };
})();
