// Smart Gallery web UI, people: the People page (persons with their cover faces, inline rename,
// select several to merge or hide), a person's photos (a mode of the main grid), the Review page
// (faces waiting for a decision), face boxes in the lightbox with a control per face, and the
// person chips of the search filters.
// Loaded before app.js and made of declarations only: api, state, el, $, icon, fmt, toast,
// formDialog, handleError, runSearch and the lightbox come from app.js when these run.
'use strict';

/* ============================================================ face chips (images) == */

// Face chips need the Authorization header too: fetched a few at a time, kept as blob: URLs.
const faceChips = {
  limit: 4,
  active: 0,
  queue: [],
  urls: new Map(),      // face id -> Promise of a blob URL

  get(faceId) {
    let promise = this.urls.get(faceId);
    if (!promise) {
      promise = new Promise((resolve, reject) => { this.queue.push({ faceId, resolve, reject }); this.pump(); });
      promise.catch(() => this.urls.delete(faceId));
      this.urls.set(faceId, promise);
    }
    return promise;
  },

  pump() {
    while (this.active < this.limit && this.queue.length) {
      const job = this.queue.shift();
      this.active++;
      api.blob(api.paths.faceChip(job.faceId))
        .then((blob) => job.resolve(URL.createObjectURL(blob)), job.reject)
        .finally(() => { this.active--; this.pump(); });
    }
  },

  clear() {
    for (const job of this.queue) job.reject(new Error('stale'));
    this.queue = [];
    for (const promise of this.urls.values()) promise.then((url) => URL.revokeObjectURL(url), () => {});
    this.urls.clear();
  },
};

// An <img> that shows a face chip once it has loaded.
function chipImage(faceId, cls = 'chip') {
  const img = el('img', { class: cls, alt: '', decoding: 'async', draggable: 'false' });
  if (faceId === null || faceId === undefined) return img;
  faceChips.get(faceId).then((url) => {
    img.onload = () => img.classList.add('loaded');
    img.src = url;
  }).catch(() => img.classList.add('broken'));
  return img;
}

/* ================================================================ persons (state) == */

const personLabel = (p) => p?.name || (p?.id ? `Unnamed #${p.id}` : 'Unknown');
const personById = (id) => state.persons.find((p) => p.id === id);

// Visible persons: named ones by name, then unnamed ones by how often they appear.
function visiblePersons() {
  return state.persons.filter((p) => !p.hidden).sort((a, b) =>
    (a.name ? 0 : 1) - (b.name ? 0 : 1) || (a.name && b.name ? a.name.localeCompare(b.name) : b.photos - a.photos));
}

// The collection's persons (hidden ones too), from the server unless already loaded.
async function loadPersons(force = false) {
  const cid = state.cid;
  if (!cid) return [];
  if (!force && state.personsCid === cid) return state.persons;
  const list = await api.persons(cid, true);
  if (cid !== state.cid) return state.persons;
  state.persons = list;
  state.personsCid = cid;
  renderPersonChips();
  return list;
}

// Something changed who is who: reload the persons, and the page that shows them.
function personsChanged() {
  if (!state.cid) return;
  state.personsCid = null;
  people.gridStale = state.view.mode === 'person';
  const reload = state.page === 'people' ? renderPeople(true) : loadPersons(true);
  Promise.resolve(reload).catch(() => {});
}

// A new collection or a sign-out: forget the persons and their chips.
function resetPeople() {
  state.persons = [];
  state.personsCid = null;
  people.selected.clear();
  faceChips.clear();
  renderPersonChips();
  if (state.cid) {
    if (state.page === 'people') renderPeople(true);
    else if (state.page === 'review') renderReview();
    else loadPersons().catch(() => {});
  } else {
    showPage('photos');
  }
}

/* ========================================================================= pages == */

const people = {
  selected: new Set(),  // person ids ticked on the People page
  gridStale: false,     // a person's photo grid changed while the lightbox was open
};

function showPage(page) {
  const changed = state.page !== page;
  state.page = page;
  $('#results').hidden = page !== 'photos';
  $('#people-view').hidden = page !== 'people';
  $('#review-view').hidden = page !== 'review';
  $('#albums-view').hidden = page !== 'albums';
  $('#duplicates-view').hidden = page !== 'duplicates';
  $('#timeline-view').hidden = page !== 'timeline';
  $('#map-view').hidden = page !== 'map';
  $('#people-button').setAttribute('aria-pressed', String(page === 'people' || page === 'review'));
  $('#albums-button').setAttribute('aria-pressed', String(page === 'albums'));
  $('#duplicates-button').setAttribute('aria-pressed', String(page === 'duplicates'));
  $('#timeline-button').setAttribute('aria-pressed', String(page === 'timeline'));
  $('#map-button').setAttribute('aria-pressed', String(page === 'map'));
  if (!changed) return;
  if (page === 'albums') renderAlbums();
  if (page === 'timeline') renderTimeline();
  if (page === 'map') renderMap();
  if (page === 'people') renderPeople(true);
  if (page === 'duplicates') renderDuplicates();
  if (page === 'review') renderReview();
}

// --- People page ---

async function renderPeople(reload) {
  const cid = state.cid;
  if (reload) {
    try {
      await loadPersons(true);
    } catch (err) {
      handleError(err, 'Could not load people');
      return;
    }
    if (cid !== state.cid) return;
    refreshReviewCount();
  }
  const showHidden = $('#people-show-hidden').checked;
  const list = state.persons.filter((p) => showHidden || !p.hidden);
  for (const id of [...people.selected]) if (!list.some((p) => p.id === id)) people.selected.delete(id);
  $('#people-title').textContent = `People · ${fmt.num(list.length)}`;
  $('#people-grid').replaceChildren(...list.map(personCard));
  const message = $('#people-message');
  message.hidden = list.length > 0;
  if (!list.length) {
    const problem = state.stats?.facesProblem;
    message.className = `message ${problem ? 'error' : 'empty'}`;
    message.replaceChildren(...[
      el('h3', { text: problem ? 'Face recognition is unavailable' : 'No people yet' }),
      el('p', {
        text: problem ||
          'People appear when indexing finds the same face in several photos. Faces seen only once wait in “Review faces”.',
      }),
      !problem ? el('button', { class: 'btn', type: 'button', onclick: scanFaces }, icon('face'), 'Scan for faces') : null,
    ].filter(Boolean));
  }
  renderPeopleToolbar();
}

function personCard(p) {
  const name = personLabel(p);
  const selected = people.selected.has(p.id);
  const count = `${fmt.num(p.photos)} photo${p.photos === 1 ? '' : 's'}`;
  return el('li', { class: `person-card${selected ? ' selected' : ''}${p.hidden ? ' is-hidden' : ''}`, 'data-id': p.id },
    el('input', {
      class: 'person-select', type: 'checkbox', 'aria-label': `Select ${name}`, checked: selected,
      onchange: (e) => selectPerson(p.id, e.target.checked, e.target.closest('.person-card')),
    }),
    el('button', { class: 'person-cover', type: 'button', title: `Photos of ${name}`, 'aria-label': `Photos of ${name}`, onclick: () => openPerson(p) },
      chipImage(p.cover_face_id)),
    renameButton(p),
    el('span', { class: 'person-count muted', text: p.hidden ? `${count} · hidden` : count }));
}

function renameButton(p) {
  return el('button', {
    class: `name-btn${p.name ? '' : ' unnamed'}`, type: 'button', title: 'Rename', 'aria-label': `Rename ${personLabel(p)}`,
    text: p.name || 'Add a name', onclick: (e) => startRename(p, e.currentTarget),
  });
}

// Inline rename: the name becomes a text field; Enter or leaving it saves, Esc cancels.
function startRename(p, button) {
  const input = el('input', {
    class: 'name-input', type: 'text', value: p.name || '', maxlength: '200', placeholder: 'Name',
    autocomplete: 'off', spellcheck: 'false', 'aria-label': `Name of ${personLabel(p)}`,
  });
  let done = false;
  const finish = async (save) => {
    if (done) return;
    done = true;
    const name = input.value.trim();
    if (save && name !== (p.name || '')) {
      input.disabled = true;
      try {
        Object.assign(p, await api.updatePerson(state.cid, p.id, { name: name || null }));
        if (!name) delete p.name;
        toast(name ? `Renamed to “${name}”` : 'Name removed');
        renderPersonChips();
      } catch (err) {
        handleError(err, 'Rename failed');
      }
    }
    if (input.isConnected) input.replaceWith(renameButton(p));
    const card = document.querySelector(`#people-grid .person-card[data-id="${p.id}"]`);
    card?.replaceWith(personCard(p));
    document.querySelector(`#people-grid .person-card[data-id="${p.id}"] .name-btn`)?.focus();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); finish(true); }
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); finish(false); }
  });
  input.addEventListener('blur', () => finish(true));
  button.replaceWith(input);
  input.focus();
  input.select();
}

function selectPerson(id, on, card) {
  if (on) people.selected.add(id);
  else people.selected.delete(id);
  card?.classList.toggle('selected', on);
  renderPeopleToolbar();
}

function selectedPersons() {
  return state.persons.filter((p) => people.selected.has(p.id));
}

function renderPeopleToolbar() {
  const chosen = selectedPersons();
  const merge = $('#people-merge');
  merge.disabled = chosen.length < 2;
  merge.textContent = chosen.length >= 2 ? `Merge ${chosen.length}` : 'Merge';
  const hide = $('#people-hide');
  hide.disabled = !chosen.length;
  hide.textContent = chosen.length && chosen.every((p) => p.hidden) ? 'Unhide' : 'Hide';
  $('#people-scan').hidden = !state.stats?.facesAvailable;
}

async function refreshReviewCount() {
  const cid = state.cid;
  try {
    const faces = await api.reviewFaces(cid);
    if (cid !== state.cid) return;
    const badge = $('#review-count');
    badge.hidden = !faces.length;
    badge.textContent = faces.length >= 200 ? '200+' : String(faces.length);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) handleError(err);
  }
}

// Merges the selected persons into the one with a name and the most photos.
function mergeSelected() {
  const chosen = selectedPersons();
  if (chosen.length < 2) return;
  const target = [...chosen].sort((a, b) => (a.name ? 0 : 1) - (b.name ? 0 : 1) || b.photos - a.photos)[0];
  const others = chosen.filter((p) => p.id !== target.id);
  formDialog({
    title: `Merge ${chosen.length} people?`, okLabel: 'Merge',
    text: `${others.map(personLabel).join(', ')} will become “${personLabel(target)}”: all their faces move there.`,
    submit: async () => {
      await api.mergePersons(state.cid, target.id, others.map((p) => p.id));
      people.selected.clear();
      toast(`Merged into “${personLabel(target)}”`);
      await renderPeople(true);
      renderPersonChips();
    },
  });
}

async function hideSelected() {
  const chosen = selectedPersons();
  if (!chosen.length) return;
  const hidden = !chosen.every((p) => p.hidden);
  try {
    for (const p of chosen) await api.updatePerson(state.cid, p.id, { hidden });
    toast(`${chosen.length === 1 ? personLabel(chosen[0]) : `${chosen.length} people`} ${hidden ? 'hidden' : 'shown again'}`);
  } catch (err) {
    handleError(err, 'Could not change who is hidden');
  }
  people.selected.clear();
  await renderPeople(true);
}

async function scanFaces() {
  try {
    const job = await api.scanFaces(state.cid);
    if (job?.id !== undefined) { state.jobs.set(job.id, job); renderJobs(); }
    toast('Scanning photos for faces');
    startPolling();
  } catch (err) {
    handleError(err, 'Could not scan for faces');
  }
}

// --- A person's photos: the main grid in 'person' mode ---

function openPerson(p) {
  $('#search-input').value = '';
  state.view = { mode: 'person', text: '', imageId: null, imageName: '', file: null, personId: p.id, personName: personLabel(p) };
  showPage('photos');
  runSearch();
  $('#results').focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function renamePersonOfView() {
  const p = personById(state.view.personId) ?? { id: state.view.personId, name: state.view.personName };
  formDialog({
    title: 'Rename person', label: 'Name', value: p.name || '', okLabel: 'Rename',
    submit: async (name) => {
      if (!name) throw new Error('Please enter a name.');
      const updated = await api.updatePerson(state.cid, p.id, { name });
      if (state.view.mode === 'person' && state.view.personId === p.id) state.view.personName = personLabel(updated);
      renderResultsChrome();
      personsChanged();
      toast(`Renamed to “${name}”`);
    },
  });
}

// --- Review page ---

async function renderReview() {
  const cid = state.cid;
  const grid = $('#review-grid');
  const message = $('#review-message');
  $('#review-title').textContent = 'Faces to review';
  message.hidden = true;
  grid.replaceChildren(el('li', { class: 'spinner', role: 'status', 'aria-label': 'Loading faces' }));
  let faces;
  try {
    [faces] = await Promise.all([api.reviewFaces(cid), loadPersons(true)]);
  } catch (err) {
    grid.replaceChildren();
    handleError(err, 'Could not load the faces to review');
    return;
  }
  if (cid !== state.cid || state.page !== 'review') return;
  grid.replaceChildren(...faces.map(reviewCard));
  renderReviewCount();
}

function renderReviewCount() {
  const n = document.querySelectorAll('#review-grid .review-card').length;
  $('#review-title').textContent = `Faces to review · ${fmt.num(n)}`;
  const message = $('#review-message');
  message.hidden = n > 0;
  if (!n) {
    message.className = 'message empty';
    message.replaceChildren(el('h3', { text: 'Nothing to review' }), el('p', { text: 'Every face has been sorted.' }));
  }
}

function reviewCard(face) {
  const who = face.person_id ? personLabel(personById(face.person_id) ?? { id: face.person_id, name: face.person_name }) : null;
  const card = el('li', { class: 'person-card review-card', 'data-face': face.id });
  const done = () => { card.remove(); renderReviewCount(); };
  card.append(...[
    el('div', { class: 'person-cover' }, chipImage(face.id)),
    el('span', { class: `review-who${who ? '' : ' muted'}`, text: who ? `${who}?` : 'Unknown' }),
    personSelect(face, done),
    who ? el('button', { class: 'btn small ghost', type: 'button', text: `Not ${who}`, onclick: () => rejectFace(face, who, done) }) : null,
  ].filter(Boolean));
  return card;
}

/* ==================================================== deciding who a face belongs to == */

// A <select> that assigns `face` to a person, or to a new one; `onDone(person)` after.
function personSelect(face, onDone) {
  const options = [el('option', { value: '', text: face.person_id ? 'Move to…' : 'Who is this?' })];
  for (const p of visiblePersons()) if (p.id !== face.person_id) options.push(el('option', { value: String(p.id), text: personLabel(p) }));
  options.push(el('option', { value: 'new', text: 'New person…' }));
  const select = el('select', { class: 'face-assign', 'aria-label': face.person_id ? 'Move this face to' : 'Who is this?' }, options);
  select.addEventListener('change', async () => {
    const value = select.value;
    select.value = '';
    if (!value) return;
    if (value === 'new') { newPersonForFace(face, onDone); return; }
    select.disabled = true;
    try {
      const person = await api.assignFace(face.id, Number(value));
      toast(`This is ${personLabel(person)}`);
      personsChanged();
      onDone?.(person);
    } catch (err) {
      handleError(err, 'Could not assign the face');
    } finally {
      select.disabled = false;
    }
  });
  return select;
}

function newPersonForFace(face, onDone) {
  formDialog({
    title: 'New person', label: 'Name', placeholder: 'Who is this?', okLabel: 'Create',
    submit: async (name) => {
      if (!name) throw new Error('Please enter a name.');
      const person = await api.moveFaces(state.cid, [face.id], { name });
      toast(`This is ${personLabel(person)}`);
      personsChanged();
      onDone?.(person);
    },
  });
}

async function rejectFace(face, who, onDone) {
  try {
    await api.rejectFace(face.id);
    toast(`Not ${who}: the face waits in “Review faces”`);
    personsChanged();
    onDone?.(null);
  } catch (err) {
    handleError(err, 'Could not change the face');
  }
}

/* ================================================================ lightbox faces == */

const lbFaces = {
  imageId: null,
  faces: [],
  show: localStorage.getItem('smartGallery.faceBoxes') !== 'off',
};

async function showLightboxFaces(item, index) {
  lbFaces.imageId = item.id;
  lbFaces.faces = [];
  renderFaceBoxes();
  renderFacePanel();
  let faces;
  try {
    [faces] = await Promise.all([api.imageFaces(item.id), loadPersons()]);
  } catch (err) {
    if (state.lightboxIndex === index) handleError(err, 'Could not load the faces');
    return;
  }
  if (state.lightboxIndex !== index) return;
  lbFaces.faces = faces;
  renderFaceBoxes();
  renderFacePanel();
}

async function refreshLightboxFaces() {
  const id = lbFaces.imageId;
  if (id === null) return;
  try {
    const faces = await api.imageFaces(id);
    if (lbFaces.imageId !== id) return;
    lbFaces.faces = faces;
    renderFaceBoxes();
    renderFacePanel();
  } catch (err) {
    handleError(err, 'Could not load the faces');
  }
}

function lightboxFacesClosed() {
  lbFaces.imageId = null;
  lbFaces.faces = [];
  renderFaceBoxes();
  if (people.gridStale && state.view.mode === 'person') runSearch();
  people.gridStale = false;
}

const faceName = (f) => (f.person_id ? f.person_name || personLabel(personById(f.person_id) ?? { id: f.person_id }) : 'Unknown');

// Boxes over the photo, placed on the image as drawn (object-fit: contain).
function renderFaceBoxes() {
  const layer = $('#lb-faces');
  const img = $('#lb-img');
  layer.replaceChildren();
  layer.hidden = !lbFaces.show || !lbFaces.faces.length || img.hidden || !img.naturalWidth;
  if (layer.hidden) return;
  const stage = layer.parentElement.getBoundingClientRect();
  const r = img.getBoundingClientRect();
  const scale = Math.min(r.width / img.naturalWidth, r.height / img.naturalHeight);
  const w = img.naturalWidth * scale;
  const h = img.naturalHeight * scale;
  const left = r.left - stage.left + (r.width - w) / 2;
  const top = r.top - stage.top + (r.height - h) / 2;
  for (const f of lbFaces.faces) {
    const style = `left:${(left + f.box.x * w).toFixed(1)}px;top:${(top + f.box.y * h).toFixed(1)}px;`
      + `width:${(f.box.width * w).toFixed(1)}px;height:${(f.box.height * h).toFixed(1)}px`;
    layer.append(el('div', { class: `face-box${f.person_id ? '' : ' unknown'}`, 'data-face': f.id, style, onclick: () => focusFaceRow(f.id) },
      el('span', { class: 'face-label', text: faceName(f) })));
  }
}

// The "People in this photo" list beside the photo: who each face is, and a control to change it.
function renderFacePanel() {
  const box = $('#lb-people');
  const faces = lbFaces.faces;
  box.hidden = !faces.length;
  if (!faces.length) { box.replaceChildren(); return; }
  box.replaceChildren(el('h3', { text: 'People' }), el('ul', { class: 'face-rows' }, faces.map((f) => {
    const name = faceName(f);
    const person = f.person_id ? personById(f.person_id) ?? { id: f.person_id, name: f.person_name } : null;
    const highlight = (on) => document.querySelector(`#lb-faces .face-box[data-face="${f.id}"]`)?.classList.toggle('active', on);
    return el('li', {
      class: 'face-row', 'data-face': f.id,
      onmouseenter: () => highlight(true), onmouseleave: () => highlight(false), onfocusin: () => highlight(true), onfocusout: () => highlight(false),
    },
    chipImage(f.id, 'chip face-chip'),
    el('div', { class: 'face-row-main' },
      person
        ? el('button', { class: 'link-btn', type: 'button', text: name, title: `Photos of ${name}`, onclick: () => { closeLightbox(); openPerson(person); } })
        : el('span', { class: 'muted', text: 'Unknown' }),
      el('div', { class: 'face-row-actions' },
        personSelect(f, refreshLightboxFaces),
        person ? el('button', { class: 'btn small ghost', type: 'button', text: `Not ${name}`, onclick: () => rejectFace(f, name, refreshLightboxFaces) }) : null)));
  })));
}

function focusFaceRow(faceId) {
  const row = document.querySelector(`#lb-people .face-row[data-face="${faceId}"]`);
  row?.scrollIntoView({ block: 'nearest' });
  row?.querySelector('select')?.focus();
}

function toggleFaceBoxes() {
  lbFaces.show = !lbFaces.show;
  localStorage.setItem('smartGallery.faceBoxes', lbFaces.show ? 'on' : 'off');
  $('#lb-faces-toggle').setAttribute('aria-pressed', String(lbFaces.show));
  renderFaceBoxes();
}

/* ============================================================ person filter chips == */

function renderPersonChips() {
  const box = $('#person-chips');
  const pressed = new Set((state.filters.persons || []).map(Number));
  for (const chip of box.querySelectorAll('.person-chip[aria-pressed="true"]')) pressed.add(Number(chip.dataset.id));
  const named = visiblePersons().filter((p) => p.name);
  box.replaceChildren(...named.map((p) => el('button', {
    class: 'person-chip', type: 'button', 'data-id': p.id, 'aria-pressed': String(pressed.has(p.id)),
    onclick: (e) => e.currentTarget.setAttribute('aria-pressed', String(e.currentTarget.getAttribute('aria-pressed') !== 'true')),
  }, chipImage(p.cover_face_id), el('span', { text: p.name }))));
  $('#person-chips-empty').hidden = named.length > 0;
  $('#people-filter .match').hidden = named.length < 2;
}

function selectedPersonChips() {
  return [...document.querySelectorAll('#person-chips .person-chip[aria-pressed="true"]')].map((chip) => Number(chip.dataset.id));
}

function clearPersonChips() {
  for (const chip of document.querySelectorAll('#person-chips .person-chip')) chip.setAttribute('aria-pressed', 'false');
}

/* ======================================================================== events == */

function bindPeopleEvents() {
  $('#people-button').addEventListener('click', () => showPage(state.page === 'people' || state.page === 'review' ? 'photos' : 'people'));
  $('#people-show-hidden').addEventListener('change', () => renderPeople(false));
  $('#people-merge').addEventListener('click', mergeSelected);
  $('#people-hide').addEventListener('click', hideSelected);
  $('#people-review').addEventListener('click', () => showPage('review'));
  $('#people-scan').addEventListener('click', scanFaces);
  $('#review-back').addEventListener('click', () => showPage('people'));
  $('#person-rename').addEventListener('click', renamePersonOfView);
  $('#person-back').addEventListener('click', () => showPage('people'));
  $('#lb-faces-toggle').setAttribute('aria-pressed', String(lbFaces.show));
  $('#lb-faces-toggle').addEventListener('click', toggleFaceBoxes);
  $('#lb-img').addEventListener('load', renderFaceBoxes);
  new ResizeObserver(() => renderFaceBoxes()).observe(document.querySelector('.lb-stage'));
}
