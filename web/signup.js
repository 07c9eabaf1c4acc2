// The sign-up page (web/signup.html, issue #14): plain HTML form controls,
// built from the answers kept in `answers` below, so that switching the
// language redraws the form without losing anything typed. The C++ module
// (welkom-signup.js, src/signup/signup_page.h) gives the texts, the choices,
// the check with the roster's own rules and the age encryption.
// Nothing is stored: no localStorage, no IndexedDB, no cookies.
(function () {
  'use strict';

  var CRITERIA = ['interests', 'age', 'language', 'goals', 'family', 'availability', 'distance'];
  var IMPORTANCE = ['not_important', 'important', 'very_important'];
  var LEVELS = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native', 'unknown'];
  var GENDERS = ['unspecified', 'female', 'male', 'other'];
  var EDUCATION = ['unknown', 'none', 'primary', 'secondary', 'vocational', 'bachelor', 'master', 'doctorate'];
  var SLOTS = ['weekdayDaytime', 'evenings', 'weekends'];
  var SLOT_TEXT = { weekdayDaytime: 'availability.weekday_daytime', evenings: 'availability.evenings', weekends: 'availability.weekends' };

  var setup = null;      // signupPageSetup() of the current language
  var link = null;       // {form, programme, key} from the fragment
  var fingerprint = '';
  var view = 'form';     // 'form' | 'summary' | 'done'
  var problems = [];     // [{path, text}] shown next to their fields
  var answers = null;
  var made = null;       // {name, blob}: the encrypted file

  // ---- The C++ module -------------------------------------------------------

  function call(name, args) {
    return Module.ccall(name, 'string', args.map(function () { return 'string'; }), args);
  }

  function t(code) {
    var args = Array.prototype.slice.call(arguments, 1);
    if (args.length === 0) return setup.texts[code] !== undefined ? setup.texts[code] : code;
    return call('welkom_signup_text', [setup.language, code, args.map(String).join('\x1f')]);
  }

  function label(kind, code) {
    var list = setup.choices[kind];
    for (var i = 0; i < list.length; i++) if (list[i].code === code) return list[i].label;
    return code;
  }

  // ---- The answers ----------------------------------------------------------

  function newLanguage() { return { code: '', level: '' }; }
  function newPerson() { return { age: '', gender: 'unspecified', role: 'adult', languages: [newLanguage()] }; }

  function freshAnswers() {
    return {
      household: {
        displayName: '', ownScriptName: '', municipality: '', neighbourhood: '', members: [newPerson()],
        interests: [], goals: [], workSectors: [], educationLevel: 'unknown',
        availability: { weekdayDaytime: false, evenings: false, weekends: false },
        womenOnlyGroup: false, groupWithChildren: false, needs: [], notes: ''
      },
      member: {
        groupCode: '', groupName: '', groupMunicipality: '', name: '', ownScriptName: '', contact: '', age: '',
        gender: 'unspecified', languages: [newLanguage()], interests: [], occupation: '', sector: '', skills: [],
        hasChildren: false, municipality: '', neighbourhood: '', isGroupCoordinator: false,
        groupAvailability: { weekdayDaytime: false, evenings: false, weekends: false }, capacity: '', maxHouseholdSize: ''
      },
      priorities: {},
      consent: { toMatching: false, toResearch: false }
    };
  }

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  function randomHex(bytes) {
    var a = new Uint8Array(bytes);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  function trimmed(s) { return String(s).trim(); }
  function isNumber(s) { return /^\s*\d{1,3}\s*$/.test(String(s)); }

  function languagesObject(rows) {
    var out = {};
    rows.forEach(function (row) { if (row.code) out[row.code] = row.level || 'unknown'; });
    return out;
  }

  // The sign-up document (docs/signup-format.md). Ids are random and say
  // nothing about the person.
  var recordId = 's-' + randomHex(4);
  function signupDocument() {
    var doc = {
      format: 'welkom-signup', version: 1,
      form: link.form,
      programme: { name: link.programme, fingerprint: fingerprint },
      submitted: today(),
      language: setup.language
    };
    if (link.form === 'household') {
      var h = answers.household;
      var household = {
        id: recordId,
        displayName: trimmed(h.displayName),
        municipality: trimmed(h.municipality),
        members: h.members.map(function (m) {
          var person = { age: isNumber(m.age) ? parseInt(m.age, 10) : -1, role: m.role };
          if (m.gender !== 'unspecified') person.gender = m.gender;
          var langs = languagesObject(m.languages);
          if (Object.keys(langs).length) person.languages = langs;
          return person;
        }),
        interests: h.interests, goals: h.goals, workSectors: h.workSectors,
        availability: { weekdayDaytime: h.availability.weekdayDaytime, evenings: h.availability.evenings,
                        weekends: h.availability.weekends },
        preferences: { womenOnlyGroup: h.womenOnlyGroup, groupWithChildren: h.groupWithChildren },
        needs: h.needs
      };
      if (trimmed(h.neighbourhood)) household.neighbourhood = trimmed(h.neighbourhood);
      if (h.educationLevel !== 'unknown') household.educationLevel = h.educationLevel;
      if (trimmed(h.notes)) household.notes = trimmed(h.notes);
      if (trimmed(h.ownScriptName)) household.nameInOwnScript = trimmed(h.ownScriptName);
      doc.household = household;
    } else {
      var m = answers.member;
      var member = {
        id: recordId,
        name: trimmed(m.name),
        contact: trimmed(m.contact),
        age: isNumber(m.age) ? parseInt(m.age, 10) : -1,
        languages: languagesObject(m.languages),
        interests: m.interests,
        occupation: trimmed(m.occupation),
        skills: m.skills,
        hasChildren: m.hasChildren
      };
      if (m.gender !== 'unspecified') member.gender = m.gender;
      if (m.sector) member.sector = m.sector;
      if (trimmed(m.municipality)) member.municipality = trimmed(m.municipality);
      if (trimmed(m.neighbourhood)) member.neighbourhood = trimmed(m.neighbourhood);
      if (trimmed(m.ownScriptName)) member.nameInOwnScript = trimmed(m.ownScriptName);
      doc.groupMember = member;
      doc.group = trimmed(m.groupCode) ? { code: trimmed(m.groupCode) }
                                       : { name: trimmed(m.groupName), municipality: trimmed(m.groupMunicipality) };
      doc.isGroupCoordinator = m.isGroupCoordinator;
      if (m.isGroupCoordinator) {  // the group-level answers
        if (SLOTS.some(function (s) { return m.groupAvailability[s]; })) doc.group.availability = m.groupAvailability;
        if (isNumber(m.capacity)) doc.group.capacity = parseInt(m.capacity, 10);
        if (isNumber(m.maxHouseholdSize)) doc.group.maxHouseholdSize = parseInt(m.maxHouseholdSize, 10);
      }
    }
    doc.priorities = {};
    CRITERIA.forEach(function (c) { if (answers.priorities[c]) doc.priorities[c] = answers.priorities[c]; });
    doc.consent = { toMatching: answers.consent.toMatching, toResearch: answers.consent.toResearch, date: today() };
    return doc;
  }

  // What the page itself asks before the roster's rules: filled in, numbers.
  function pageProblems() {
    var out = [];
    function need(path, value) { if (!trimmed(value)) out.push({ path: path, text: t('check.required') }); }
    function number(path, value) {
      if (!trimmed(value)) out.push({ path: path, text: t('check.required') });
      else if (!isNumber(value)) out.push({ path: path, text: t('check.number') });
    }
    if (link.form === 'household') {
      var h = answers.household;
      need('/household/displayName', h.displayName);
      need('/household/municipality', h.municipality);
      h.members.forEach(function (m, i) { number('/household/members/' + i + '/age', m.age); });
    } else {
      var m = answers.member;
      if (!trimmed(m.groupCode) && !trimmed(m.groupName))
        out.push({ path: '/group/name', text: t('check.group_code_or_name') });
      if (!trimmed(m.groupCode)) need('/group/municipality', m.groupMunicipality);
      need('/groupMember/name', m.name);
      number('/groupMember/age', m.age);
      if (m.isGroupCoordinator) {
        if (trimmed(m.capacity) && !isNumber(m.capacity)) out.push({ path: '/group/capacity', text: t('check.number') });
        if (trimmed(m.maxHouseholdSize) && !isNumber(m.maxHouseholdSize))
          out.push({ path: '/group/maxHouseholdSize', text: t('check.number') });
      }
    }
    return out;
  }

  function check() {
    var own = pageProblems();
    var theirs = JSON.parse(call('welkom_signup_check', [JSON.stringify(signupDocument()), setup.language])).problems;
    // The page's own words win where both speak of one field.
    var seen = {};
    own.forEach(function (p) { seen[p.path] = true; });
    return own.concat(theirs.filter(function (p) { return !seen[p.path] && p.severity === 'error'; }));
  }

  // ---- Building the form ----------------------------------------------------

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') e.textContent = v;
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), v);
      else if (k === 'checked' || k === 'value') e[k] = v;
      else e.setAttribute(k, v === true ? '' : v);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }

  function idOf(path) { return 'f' + path.replace(/[^A-Za-z0-9]+/g, '-'); }

  function problemFor(path) {
    for (var i = 0; i < problems.length; i++) if (problems[i].path === path) return problems[i];
    return null;
  }

  // A control's error (below it) and hint, wired with aria-describedby.
  function describe(control, path, hintText) {
    var parts = [];
    var nodes = [];
    if (hintText) {
      nodes.push(el('p', { id: idOf(path) + '-hint', class: 'hint', text: hintText }));
      parts.push(idOf(path) + '-hint');
    }
    var p = problemFor(path);
    if (p) {
      nodes.push(el('p', { id: idOf(path) + '-error', class: 'error', text: p.text }));
      parts.push(idOf(path) + '-error');
      control.setAttribute('aria-invalid', 'true');
    }
    if (parts.length) control.setAttribute('aria-describedby', parts.join(' '));
    return nodes;
  }

  function textField(opts) {
    var id = idOf(opts.path);
    var input = el(opts.multiline ? 'textarea' : 'input', {
      id: id, 'data-path': opts.path, type: opts.multiline ? null : (opts.type || 'text'),
      inputmode: opts.inputmode, autocomplete: opts.autocomplete || 'off', dir: opts.dir || 'auto',
      required: !!opts.required,
      value: opts.get(), oninput: function (e) { opts.set(e.target.value); }
    });
    var labelText = opts.label + (opts.required ? '' : ' ' + t('page.optional'));
    return el('div', { class: 'field' }, [el('label', { for: id, text: labelText }), input]
      .concat(describe(input, opts.path, opts.hint)));
  }

  function selectField(opts) {
    var id = idOf(opts.path);
    var select = el('select', { id: id, 'data-path': opts.path, onchange: function (e) { opts.set(e.target.value); } },
      opts.options.map(function (o) { return el('option', { value: o.value, text: o.label }); }));
    select.value = opts.get();
    return el('div', { class: 'field' }, [el('label', { for: id, text: opts.label }), select]
      .concat(describe(select, opts.path, opts.hint)));
  }

  function checkbox(opts) {
    var id = idOf(opts.path);
    var box = el('input', { type: 'checkbox', id: id, 'data-path': opts.path, checked: opts.get(),
                            onchange: function (e) { opts.set(e.target.checked); if (opts.redraw) redraw(id); } });
    return el('div', { class: 'check' }, [box, el('label', { for: id, text: opts.label })]
      .concat(describe(box, opts.path, opts.hint)));
  }

  // A vocabulary as check boxes in a fieldset; `list` holds the chosen codes.
  function choiceGroup(legend, kind, path, list) {
    return el('fieldset', { class: 'choices', id: idOf(path), 'data-path': path }, [el('legend', { text: legend })]
      .concat(setup.choices[kind].map(function (c) {
        return checkbox({ path: path + '/' + c.code, label: c.label,
                          get: function () { return list.indexOf(c.code) >= 0; },
                          set: function (on) {
                            var at = list.indexOf(c.code);
                            if (on && at < 0) list.push(c.code);
                            if (!on && at >= 0) list.splice(at, 1);
                          } });
      })));
  }

  function options(codes, textOf) {
    return codes.map(function (c) { return { value: c, label: textOf(c) }; });
  }

  function languageRows(rows, path, ownerText, ownerNumber) {
    var nodes = rows.map(function (row, j) {
      var rowPath = path + '/' + j;
      var languageChoices = [{ value: '', label: t('page.choose') }].concat(
        setup.choices.languages.map(function (c) { return { value: c.code, label: c.label }; }));
      return el('div', { class: 'language-row', 'data-path': row.code ? path + '/' + row.code : null }, [
        selectField({ path: rowPath + '/code', label: t('language.name'), options: languageChoices,
                      get: function () { return row.code; }, set: function (v) { row.code = v; } }),
        selectField({ path: rowPath + '/level', label: t('language.level'),
                      options: [{ value: '', label: t('page.choose') }].concat(options(LEVELS, function (l) { return t('level.' + l); })),
                      get: function () { return row.level; }, set: function (v) { row.level = v; } }),
        rows.length > 1 ? el('button', { type: 'button', class: 'secondary', id: idOf(rowPath) + '-remove',
                                         'aria-label': t('button.remove_language') + ': ' + (row.code ? label('languages', row.code) : ownerText),
                                         text: t('button.remove_language'),
                                         onclick: function () { rows.splice(j, 1); redraw(idOf(path) + '-add'); } }) : null
      ]);
    });
    return el('fieldset', { class: 'languages', id: idOf(path), 'data-path': path }, [
      el('legend', { text: t('member.languages') + (ownerText ? ': ' + ownerText : '') })
    ].concat(nodes).concat([
      el('details', {}, [el('summary', { text: t('levels.explain_title') }), el('p', { text: t('levels.explain') })]),
      el('button', { type: 'button', class: 'secondary', id: idOf(path) + '-add', text: t('button.add_language', ownerNumber),
                     onclick: function () { rows.push(newLanguage()); redraw(idOf(path + '/' + (rows.length - 1) + '/code')); } })
    ]));
  }

  function personFieldset(m, i, members) {
    var path = '/household/members/' + i;
    var heading = t('member.heading', i + 1);
    return el('fieldset', { class: 'person', id: idOf(path) }, [
      el('legend', { text: heading }),
      textField({ path: path + '/age', label: t('member.age'), required: true, inputmode: 'numeric', dir: 'ltr',
                  get: function () { return m.age; }, set: function (v) { m.age = v; } }),
      selectField({ path: path + '/gender', label: t('member.gender'), options: options(GENDERS, function (g) { return t('gender.' + g); }),
                    get: function () { return m.gender; }, set: function (v) { m.gender = v; } }),
      selectField({ path: path + '/role', label: t('member.role'), options: options(['adult', 'child'], function (r) { return t('role.' + r); }),
                    get: function () { return m.role; }, set: function (v) { m.role = v; } }),
      languageRows(m.languages, path + '/languages', heading, i + 1),
      members.length > 1 ? el('button', { type: 'button', class: 'secondary', text: t('button.remove_member', i + 1),
                                          onclick: function () { members.splice(i, 1); redraw('add-person'); } }) : null
    ]);
  }

  function section(titleCode, children) {
    var id = 'section-' + titleCode.replace(/\W+/g, '-');
    return el('section', { 'aria-labelledby': id }, [el('h2', { id: id, text: t(titleCode) })].concat(children));
  }

  function householdSections() {
    var h = answers.household;
    return [
      section('section.household', [
        textField({ path: '/household/displayName', label: t('field.display_name'), hint: t('field.display_name_hint'),
                    required: true, autocomplete: 'family-name', dir: 'ltr',
                    get: function () { return h.displayName; }, set: function (v) { h.displayName = v; } }),
        textField({ path: '/household/nameInOwnScript', label: t('field.own_script_name'),
                    get: function () { return h.ownScriptName; }, set: function (v) { h.ownScriptName = v; } }),
        textField({ path: '/household/municipality', label: t('field.municipality'), required: true, autocomplete: 'address-level2',
                    get: function () { return h.municipality; }, set: function (v) { h.municipality = v; } }),
        textField({ path: '/household/neighbourhood', label: t('field.neighbourhood'),
                    get: function () { return h.neighbourhood; }, set: function (v) { h.neighbourhood = v; } })
      ]),
      section('section.members', [el('p', { class: 'hint', text: t('section.members_hint') })]
        .concat(h.members.map(function (m, i) { return personFieldset(m, i, h.members); }))
        .concat([el('button', { type: 'button', class: 'secondary', id: 'add-person', text: t('button.add_member'),
                                onclick: function () { h.members.push(newPerson()); redraw(idOf('/household/members/' + (h.members.length - 1) + '/age')); } })])),
      section('section.interests', [choiceGroup(t('section.interests'), 'interests', '/household/interests', h.interests)]),
      section('section.goals', [choiceGroup(t('section.goals'), 'goals', '/household/goals', h.goals)]),
      section('section.work', [
        choiceGroup(t('field.sectors'), 'sectors', '/household/workSectors', h.workSectors),
        selectField({ path: '/household/educationLevel', label: t('field.education'),
                      options: options(EDUCATION, function (e) { return t('education.' + e); }),
                      get: function () { return h.educationLevel; }, set: function (v) { h.educationLevel = v; } })
      ]),
      availabilitySection('/household/availability', h.availability),
      section('section.preferences', [
        checkbox({ path: '/household/preferences/womenOnlyGroup', label: t('preference.women_only'), hint: t('preference.women_only_hint'),
                   get: function () { return h.womenOnlyGroup; }, set: function (v) { h.womenOnlyGroup = v; } }),
        checkbox({ path: '/household/preferences/groupWithChildren', label: t('preference.group_with_children'),
                   get: function () { return h.groupWithChildren; }, set: function (v) { h.groupWithChildren = v; } })
      ]),
      section('section.needs', [
        choiceGroup(t('section.needs'), 'needs', '/household/needs', h.needs),
        textField({ path: '/household/notes', label: t('field.notes'), multiline: true,
                    get: function () { return h.notes; }, set: function (v) { h.notes = v; } })
      ])
    ];
  }

  // The three times of the week; a section of its own, or (`inside`) only
  // the fieldset, within the coordinator's questions.
  function availabilitySection(path, availability, inside) {
    var fieldset = el('fieldset', { class: 'choices', id: idOf(path) }, [
      el('legend', { text: t('section.availability') })
    ].concat(SLOTS.map(function (slot) {
      return checkbox({ path: path + '/' + slot, label: t(SLOT_TEXT[slot]),
                        get: function () { return availability[slot]; }, set: function (v) { availability[slot] = v; } });
    })));
    return inside ? fieldset : section('section.availability', [fieldset]);
  }

  function memberSections() {
    var m = answers.member;
    var sectorChoices = [{ value: '', label: t('page.choose') }].concat(
      setup.choices.sectors.map(function (c) { return { value: c.code, label: c.label }; }));
    return [
      section('section.group', [
        textField({ path: '/group/code', label: t('field.group_code'), hint: t('field.group_code_hint'), dir: 'ltr',
                    get: function () { return m.groupCode; }, set: function (v) { m.groupCode = v; } }),
        textField({ path: '/group/name', label: t('field.group_name'),
                    get: function () { return m.groupName; }, set: function (v) { m.groupName = v; } }),
        textField({ path: '/group/municipality', label: t('field.group_municipality'),
                    get: function () { return m.groupMunicipality; }, set: function (v) { m.groupMunicipality = v; } }),
        checkbox({ path: '/isGroupCoordinator', label: t('field.is_coordinator'), redraw: true,
                   get: function () { return m.isGroupCoordinator; }, set: function (v) { m.isGroupCoordinator = v; } })
      ]),
      m.isGroupCoordinator ? section('section.group_questions', [
        availabilitySection('/group/availability', m.groupAvailability, true),
        textField({ path: '/group/capacity', label: t('field.capacity'), inputmode: 'numeric', dir: 'ltr',
                    get: function () { return m.capacity; }, set: function (v) { m.capacity = v; } }),
        textField({ path: '/group/maxHouseholdSize', label: t('field.max_household_size'), inputmode: 'numeric', dir: 'ltr',
                    get: function () { return m.maxHouseholdSize; }, set: function (v) { m.maxHouseholdSize = v; } })
      ]) : null,
      section('section.about_you', [
        textField({ path: '/groupMember/name', label: t('field.member_name'), required: true, autocomplete: 'name',
                    get: function () { return m.name; }, set: function (v) { m.name = v; } }),
        textField({ path: '/groupMember/nameInOwnScript', label: t('field.own_script_name'),
                    get: function () { return m.ownScriptName; }, set: function (v) { m.ownScriptName = v; } }),
        textField({ path: '/groupMember/contact', label: t('field.contact'), autocomplete: 'email', dir: 'ltr',
                    get: function () { return m.contact; }, set: function (v) { m.contact = v; } }),
        textField({ path: '/groupMember/age', label: t('member.age'), required: true, inputmode: 'numeric', dir: 'ltr',
                    get: function () { return m.age; }, set: function (v) { m.age = v; } }),
        selectField({ path: '/groupMember/gender', label: t('member.gender'), options: options(GENDERS, function (g) { return t('gender.' + g); }),
                      get: function () { return m.gender; }, set: function (v) { m.gender = v; } }),
        textField({ path: '/groupMember/municipality', label: t('field.own_municipality'), autocomplete: 'address-level2',
                    get: function () { return m.municipality; }, set: function (v) { m.municipality = v; } }),
        checkbox({ path: '/groupMember/hasChildren', label: t('field.has_children'),
                   get: function () { return m.hasChildren; }, set: function (v) { m.hasChildren = v; } }),
        languageRows(m.languages, '/groupMember/languages', '', 1)
      ]),
      section('section.interests', [choiceGroup(t('section.interests'), 'interests', '/groupMember/interests', m.interests)]),
      section('section.work', [
        textField({ path: '/groupMember/occupation', label: t('field.occupation'), autocomplete: 'organization-title',
                    get: function () { return m.occupation; }, set: function (v) { m.occupation = v; } }),
        selectField({ path: '/groupMember/sector', label: t('field.sector'), options: sectorChoices,
                      get: function () { return m.sector; }, set: function (v) { m.sector = v; } }),
        choiceGroup(t('field.skills'), 'skills', '/groupMember/skills', m.skills)
      ])
    ];
  }

  function prioritiesSection() {
    return section('section.priorities', [el('p', { text: t('priorities.intro') })].concat(CRITERIA.map(function (c) {
      var path = '/priorities/' + c;
      var name = idOf(path);
      return el('fieldset', { class: 'importance', id: name, 'data-path': path }, [el('legend', { text: t('priority.' + c) })]
        .concat([''].concat(IMPORTANCE).map(function (level) {
          var id = name + '-' + (level || 'not_stated');
          return el('div', { class: 'check' }, [
            el('input', { type: 'radio', name: name, id: id, value: level, checked: (answers.priorities[c] || '') === level,
                          onchange: function () { answers.priorities[c] = level; } }),
            el('label', { for: id, text: t('importance.' + (level || 'not_stated')) })
          ]);
        })));
    })));
  }

  function consentSection() {
    var c = answers.consent;
    return section('section.consent', [
      el('h3', { text: t('consent.privacy_title') }),
      el('p', { id: 'privacy-text', text: t('consent.privacy_text') }),
      checkbox({ path: '/consent/toMatching', label: t('consent.matching'), redraw: true,
                 get: function () { return c.toMatching; }, set: function (v) { c.toMatching = v; } }),
      c.toMatching ? null : el('p', { class: 'note', id: 'no-matching', text: t('consent.no_matching') }),
      checkbox({ path: '/consent/toResearch', label: t('consent.research'),
                 get: function () { return c.toResearch; }, set: function (v) { c.toResearch = v; } }),
      el('p', { text: t('consent.date', today()) })
    ]);
  }

  function problemSummary() {
    if (!problems.length) return null;
    return el('div', { class: 'problems', id: 'problems', tabindex: '-1', role: 'group', 'aria-labelledby': 'problems-title' }, [
      el('h2', { id: 'problems-title', text: t('check.problems_title', problems.length) }),
      el('ul', {}, problems.map(function (p) {
        var target = fieldFor(p.path);
        return el('li', {}, [el('a', { href: '#', text: (target ? fieldName(target) + ': ' : '') + p.text,
                                       onclick: function (e) { e.preventDefault(); var f = fieldFor(p.path); if (f) f.focus(); } })]);
      }))
    ]);
  }

  // The control a problem's path belongs to: the field itself, or the
  // nearest enclosing part of the form (a language of a person...).
  function fieldFor(path) {
    for (var p = path; p; p = p.slice(0, p.lastIndexOf('/'))) {
      var e = document.querySelector('[data-path="' + p.replace(/"/g, '') + '"]');
      if (e) return e.matches('input, select, textarea') ? e : (e.querySelector('input, select, textarea') || e);
    }
    return null;
  }

  // A problem whose path names no control of its own (an item of a list, a
  // person's languages...) is shown at the end of the nearest part that has one.
  function placeOtherProblems() {
    problems.forEach(function (p, i) {
      if (document.getElementById(idOf(p.path) + '-error')) return;
      var control = fieldFor(p.path);
      if (!control) return;
      var part = control.closest('fieldset') || control.parentNode;
      var note = el('p', { class: 'error', id: 'problem-' + i, text: p.text });
      part.appendChild(note);
      var described = control.getAttribute('aria-describedby');
      control.setAttribute('aria-describedby', (described ? described + ' ' : '') + note.id);
      control.setAttribute('aria-invalid', 'true');
    });
  }

  function fieldName(control) {
    var l = control.id ? document.querySelector('label[for="' + control.id + '"]') : null;
    return l ? l.textContent : '';
  }

  function formView() {
    var form = el('form', { id: 'signup', novalidate: true, onsubmit: function (e) { e.preventDefault(); submitForCheck(); } },
      [problemSummary()]
        .concat(link.form === 'household' ? householdSections() : memberSections())
        .concat([prioritiesSection(), consentSection(),
                 el('button', { type: 'submit', id: 'check', text: t('button.check') })]));
    return form;
  }

  // ---- Summary and sending ----------------------------------------------------

  function summaryRows() {
    var rows = [];
    function row(name, value) { if (value !== '' && value !== null) rows.push([name, value]); }
    function list(kind, codes) { return codes.map(function (c) { return label(kind, c); }).join(setup.listSeparator); }
    function languages(rowsOf) {
      return rowsOf.filter(function (r) { return r.code; })
        .map(function (r) { return label('languages', r.code) + ' (' + t('level.' + (r.level || 'unknown')) + ')'; }).join(setup.listSeparator);
    }
    if (link.form === 'household') {
      var h = answers.household;
      row(t('field.display_name'), h.displayName);
      row(t('field.own_script_name'), h.ownScriptName);
      row(t('field.municipality'), h.municipality);
      row(t('field.neighbourhood'), h.neighbourhood);
      h.members.forEach(function (m, i) {
        row(t('member.heading', i + 1), [t('summary.age', m.age), t('role.' + m.role), t('gender.' + m.gender), languages(m.languages)]
          .filter(Boolean).join(' · '));
      });
      row(t('section.interests'), list('interests', h.interests));
      row(t('section.goals'), list('goals', h.goals));
      row(t('field.sectors'), list('sectors', h.workSectors));
      row(t('field.education'), t('education.' + h.educationLevel));
      row(t('section.availability'), SLOTS.filter(function (s) { return h.availability[s]; }).map(function (s) { return t(SLOT_TEXT[s]); }).join(setup.listSeparator));
      if (h.womenOnlyGroup) row(t('preference.women_only'), t('page.yes'));
      if (h.groupWithChildren) row(t('preference.group_with_children'), t('page.yes'));
      row(t('section.needs'), list('needs', h.needs));
      row(t('field.notes'), h.notes);
    } else {
      var m = answers.member;
      row(t('field.group_code'), m.groupCode);
      row(t('field.group_name'), m.groupName);
      row(t('field.group_municipality'), m.groupMunicipality);
      row(t('field.is_coordinator'), m.isGroupCoordinator ? t('page.yes') : t('page.no'));
      if (m.isGroupCoordinator) {
        row(t('section.availability'), SLOTS.filter(function (s) { return m.groupAvailability[s]; })
          .map(function (s) { return t(SLOT_TEXT[s]); }).join(setup.listSeparator));
        row(t('field.capacity'), m.capacity);
        row(t('field.max_household_size'), m.maxHouseholdSize);
      }
      row(t('field.member_name'), m.name);
      row(t('field.own_script_name'), m.ownScriptName);
      row(t('field.contact'), m.contact);
      row(t('member.age'), m.age);
      row(t('member.gender'), t('gender.' + m.gender));
      row(t('field.own_municipality'), m.municipality);
      row(t('field.has_children'), m.hasChildren ? t('page.yes') : t('page.no'));
      row(t('member.languages'), languages(m.languages));
      row(t('section.interests'), list('interests', m.interests));
      row(t('field.occupation'), m.occupation);
      row(t('field.sector'), m.sector ? label('sectors', m.sector) : '');
      row(t('field.skills'), list('skills', m.skills));
    }
    CRITERIA.forEach(function (c) { if (answers.priorities[c]) row(t('priority.' + c), t('importance.' + answers.priorities[c])); });
    row(t('consent.matching'), answers.consent.toMatching ? t('page.yes') : t('page.no'));
    row(t('consent.research'), answers.consent.toResearch ? t('page.yes') : t('page.no'));
    return rows;
  }

  function summaryView() {
    var dl = el('dl', {});
    summaryRows().forEach(function (r) {
      dl.appendChild(el('dt', { text: r[0] }));
      dl.appendChild(el('dd', { text: String(r[1]), dir: 'auto' }));
    });
    return el('section', { 'aria-labelledby': 'summary-title', id: 'summary' }, [
      el('h2', { id: 'summary-title', tabindex: '-1', text: t('check.ok_title') }),
      el('p', { text: t('check.ok') }),
      answers.consent.toMatching ? null : el('p', { class: 'note', text: t('consent.no_matching') }),
      dl,
      el('div', { class: 'buttons' }, [
        el('button', { type: 'button', class: 'secondary', id: 'edit', text: t('button.edit'),
                       onclick: function () { view = 'form'; redraw('check'); } }),
        el('button', { type: 'button', id: 'send', text: t('button.send'), onclick: makeFile })
      ])
    ]);
  }

  function doneView() {
    var url = URL.createObjectURL(made.blob);
    var share = null;
    var file = typeof File === 'function' ? new File([made.blob], made.name, { type: 'application/octet-stream' }) : null;
    if (file && navigator.canShare && navigator.canShare({ files: [file] })) {
      share = el('button', { type: 'button', id: 'share', text: t('button.share'),
                             onclick: function () { navigator.share({ files: [file], title: made.name }).catch(function () {}); } });
    }
    return el('section', { 'aria-labelledby': 'done-title', id: 'done' }, [
      el('h2', { id: 'done-title', tabindex: '-1', text: t('done.title') }),
      el('p', { text: t('done.text', made.name) }),
      el('div', { class: 'buttons' }, [el('a', { class: 'button', id: 'download', href: url, download: made.name, text: t('button.download') }), share]),
      el('p', { text: t('done.nothing_kept') })
    ]);
  }

  function submitForCheck() {
    problems = check();
    if (problems.length) {
      view = 'form';
      redraw('problems');
    } else {
      view = 'summary';
      redraw('summary-title');
    }
  }

  function makeFile() {
    var text = JSON.stringify(signupDocument(), null, 2) + '\n';
    var size = Module.ccall('welkom_signup_encrypt', 'number', ['string', 'string'], [text, link.key]);
    if (size < 0) {
      var code = Module.UTF8ToString(Module.ccall('welkom_signup_result', 'number', [], []));
      document.getElementById('status').textContent = t('error.encrypt', code);
      return;
    }
    var at = Module.ccall('welkom_signup_result', 'number', [], []);
    var bytes = new Uint8Array(HEAPU8.subarray(at, at + size));
    made = { name: 'aanmelding-' + randomHex(4) + '.welkom-signup.age', blob: new Blob([bytes], { type: 'application/octet-stream' }) };
    view = 'done';
    redraw('done-title');
  }

  // ---- Drawing ------------------------------------------------------------------

  function applyLanguage(language) {
    setup = JSON.parse(call('welkom_signup_setup', [language]));
    document.documentElement.lang = setup.language;
    document.documentElement.dir = setup.direction;
    var select = document.getElementById('language');
    select.textContent = '';
    setup.languages.forEach(function (l) {
      select.appendChild(el('option', { value: l.code, lang: l.code, text: l.name }));
    });
    select.value = setup.language;
    document.getElementById('language-label').textContent = t('page.language');
    document.getElementById('language-bar').hidden = false;
    var unreviewed = document.getElementById('unreviewed');
    unreviewed.hidden = setup.reviewed;
    unreviewed.textContent = setup.reviewed ? '' : t('page.unreviewed');
  }

  // Redraws the page in the current language and view; `focusId` gets the
  // focus afterwards (keyboard users stay where they were).
  function redraw(focusId) {
    var header = document.getElementById('title');
    var main = document.getElementById('main');
    main.textContent = '';
    var status = el('p', { id: 'status', role: 'status' });
    if (!link) {
      header.textContent = 'Welkom';
      document.title = 'Welkom';
      main.appendChild(el('p', { class: 'error', id: 'bad-link', text: t('page.bad_link') }));
      main.appendChild(status);
      return;
    }
    var title = t(link.form === 'household' ? 'page.title_household' : 'page.title_member', link.programme);
    header.textContent = title;
    document.title = title;
    document.getElementById('intro').textContent = t(link.form === 'household' ? 'page.intro_household' : 'page.intro_member');
    document.getElementById('privacy-short').textContent = t('page.privacy_short');
    var fp = document.getElementById('fingerprint');
    fp.hidden = false;
    fp.textContent = '';
    // The code in its own element (left to right in every language), where the text puts {0}.
    var around = t('page.fingerprint', '\x1e').split('\x1e');
    fp.appendChild(document.createTextNode(around[0]));
    fp.appendChild(el('code', { dir: 'ltr', id: 'fingerprint-code', text: fingerprint }));
    fp.appendChild(document.createTextNode(around[1] || ''));
    fp.appendChild(el('span', { class: 'hint', text: ' ' + t('page.fingerprint_hint') }));
    main.appendChild(view === 'form' ? formView() : view === 'summary' ? summaryView() : doneView());
    main.appendChild(status);
    if (view === 'form') placeOtherProblems();
    var target = focusId && document.getElementById(focusId);
    if (target) target.focus();
  }

  function readLink() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    var form = params.get('form');
    var programme = params.get('programme');
    var key = params.get('key');
    if (params.get('v') !== '1' || (form !== 'household' && form !== 'group-member') || !programme || !key) return null;
    var info = JSON.parse(call('welkom_signup_key', [key, setup.language]));
    if (!info.fingerprint) return null;
    fingerprint = info.fingerprint;
    return { form: form, programme: programme, key: key };
  }

  function start() {
    var browser = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']);
    applyLanguage(call('welkom_signup_choose_language', [browser.join('\x1f')]));
    answers = freshAnswers();
    link = readLink();
    document.getElementById('language').addEventListener('change', function (e) {
      applyLanguage(e.target.value);
      if (view === 'form' && problems.length) problems = check();
      redraw('language');
    });
    redraw(null);
    window.welkomSignupReady = true;
  }

  // The wasm comes from the payload script's bytes (no fetch: connect-src 'none').
  function bytesOf(text) {
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  window.Module = {
    wasmBinary: bytesOf(self.welkomPayload.wasm),
    postRun: [function () { self.welkomPayload = null; start(); }],
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function (what) {
      document.getElementById('status').textContent = 'Error / Fout: ' + what;
    }
  };
})();
