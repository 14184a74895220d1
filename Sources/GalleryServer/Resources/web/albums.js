// Smart Gallery web UI, albums: the Albums page (manual and smart albums with their covers), an
// album's photos (a mode of the main grid, with download, rename and delete), selecting photos
// of the grid to add them to an album, take them out of it, favourite them or download them as
// a zip, and the favourite star and the 0-5 star rating in the lightbox.
// Loaded before app.js and made of declarations only: api, state, el, $, icon, fmt, toast,
// formDialog, handleError, normResults, runSearch, showPage and images come from app.js and
// people.js when these run.
'use strict';

/* =========================================================================== api == */

const albumApi = {
  albums: (cid) => `/collections/${encodeURIComponent(cid)}/albums`,
  album: (cid, id) => `${albumApi.albums(cid)}/${encodeURIComponent(id)}`,

  async list(cid) { return (await api.request('GET', albumApi.albums(cid)))?.albums ?? []; },
  create(cid, name, query) { return api.request('POST', albumApi.albums(cid), { body: query ? { name, query } : { name } }); },
  update(cid, id, changes) { return api.request('PATCH', albumApi.album(cid, id), { body: changes }); },
  remove(cid, id) { return api.request('DELETE', albumApi.album(cid, id)); },
  async page(cid, id, limit, offset, signal) {
    return normResults(await api.request('GET', `${albumApi.album(cid, id)}/images`, { query: { limit, offset }, signal }));
  },
  add(cid, id, imageIds) { return api.request('POST', `${albumApi.album(cid, id)}/images`, { body: { image_ids: imageIds } }); },
  take(cid, id, imageIds) { return api.request('POST', `${albumApi.album(cid, id)}/images/remove`, { body: { image_ids: imageIds } }); },
  setCover(cid, id, imageId) { return api.request('PUT', `${albumApi.album(cid, id)}/cover`, { body: { image_id: imageId } }); },
  // {"image_id", "favorite", "rating"}
  marks(id) { return api.request('GET', `/images/${encodeURIComponent(id)}/marks`); },
  setMarks(id, changes) { return api.request('PUT', `/images/${encodeURIComponent(id)}/marks`, { body: changes }); },
  markMany(cid, imageIds, changes) {
    return api.request('POST', `/collections/${encodeURIComponent(cid)}/marks`, { body: { image_ids: imageIds, ...changes } });
  },
};

/* ========================================================================= state == */

const albumsUI = {
  list: [],             // the collection's albums (the Albums page)
  selecting: false,     // grid clicks select photos instead of opening them
  selected: new Set(),  // selected image ids
  maxEdit: 10000,       // photos in one edit (AlbumLimits.maxImagesPerEdit)
};

function resetAlbums() {
  albumsUI.list = [];
  setSelecting(false);
}

/* ==================================================================== albums page == */

async function renderAlbums() {
  const cid = state.cid;
  const grid = $('#albums-grid');
  const message = $('#albums-message');
  message.hidden = true;
  try {
    albumsUI.list = await albumApi.list(cid);
  } catch (err) {
    handleError(err, 'Could not load albums');
    return;
  }
  if (cid !== state.cid) return;
  grid.replaceChildren(...albumsUI.list.map(albumCard));
  if (!albumsUI.list.length) {
    message.className = 'message empty';
    message.replaceChildren(el('h3', { text: 'No albums yet' }),
      el('p', { text: 'Make an album and add photos to it from the grid (Select), or save a search as a smart album.' }));
    message.hidden = false;
  }
}

function albumCard(album) {
  const cover = el('span', { class: 'album-cover' });
  if (album.cover_image_id) {
    images.get(album.cover_image_id, 'small').then((url) => {
      const img = el('img', { alt: '', src: url });
      img.onload = () => img.classList.add('loaded');
      cover.replaceChildren(img);
    }).catch(() => {});
  }
  const count = album.kind === 'smart' ? `smart: ${album.query}` : `${fmt.num(album.image_count)} photo${album.image_count === 1 ? '' : 's'}`;
  return el('li', { class: 'album-card', 'data-id': album.id },
    el('button', { class: 'album-open', type: 'button', title: album.name, onclick: () => openAlbum(album) },
      cover, el('span', { class: 'album-name', text: album.name }), el('span', { class: 'album-count muted', text: count })));
}

function newAlbum(query) {
  formDialog({
    title: query ? 'Save as a smart album' : 'New album',
    text: query ? `Its photos are whatever “${query}” finds, searched again whenever you open it.` : '',
    label: 'Name', placeholder: 'e.g. Summer 2019', okLabel: 'Create',
    submit: async (name) => {
      if (!name) throw new Error('Please enter a name.');
      await albumApi.create(state.cid, name, query);
      toast(`Created “${name}”`);
      if (state.page === 'albums') renderAlbums();
    },
  });
}

// An album's photos in the main grid.
function openAlbum(album) {
  state.view = { mode: 'album', text: '', imageId: null, imageName: '', file: null, albumId: album.id, albumName: album.name, albumKind: album.kind };
  setSelecting(false);
  showPage('photos');
  runSearch();
}

function editAlbum() {
  const { albumId, albumName } = state.view;
  formDialog({
    title: 'Rename album', label: 'Name', value: albumName, okLabel: 'Rename',
    extra: {
      label: 'Delete album', run: async () => {
        await albumApi.remove(state.cid, albumId);
        toast(`Deleted “${albumName}” (its photos stay in the collection)`);
        showPage('albums');
      },
    },
    submit: async (name) => {
      if (!name) throw new Error('Please enter a name.');
      const album = await albumApi.update(state.cid, albumId, { name });
      state.view.albumName = album.name;
      renderResultsChrome();
    },
  });
}

/* ===================================================================== selection == */

function setSelecting(on) {
  albumsUI.selecting = on;
  albumsUI.selected.clear();
  for (const tile of document.querySelectorAll('#grid .tile.selected')) tile.classList.remove('selected');
  $('#select-toggle')?.setAttribute('aria-pressed', String(on));
  renderSelectionBar();
}

function toggleSelected(tile) {
  const id = Number(tile.dataset.id);
  if (albumsUI.selected.has(id)) albumsUI.selected.delete(id);
  else albumsUI.selected.add(id);
  tile.classList.toggle('selected', albumsUI.selected.has(id));
  tile.setAttribute('aria-pressed', String(albumsUI.selected.has(id)));
  renderSelectionBar();
}

function renderSelectionBar() {
  const bar = $('#selection-bar');
  if (!bar) return;
  const n = albumsUI.selected.size;
  bar.hidden = !albumsUI.selecting;
  $('#selection-count').textContent = `${fmt.num(n)} selected`;
  for (const id of ['#selection-add', '#selection-favorite', '#selection-download']) $(id).disabled = n === 0;
  $('#selection-remove').hidden = state.view.mode !== 'album' || state.view.albumKind === 'smart';
  $('#selection-remove').disabled = n === 0;
}

function selectedIds() {
  const ids = [...albumsUI.selected];
  if (ids.length > albumsUI.maxEdit) throw new Error(`Select at most ${fmt.num(albumsUI.maxEdit)} photos at once.`);
  return ids;
}

async function addSelectionToAlbum() {
  try { albumsUI.list = await albumApi.list(state.cid); } catch (err) { handleError(err, 'Could not load albums'); return; }
  const names = $('#album-names');
  names.replaceChildren(...albumsUI.list.filter((a) => a.kind === 'manual').map((a) => el('option', { value: a.name })));
  $('#fd-input').setAttribute('list', 'album-names');
  formDialog({
    title: `Add ${fmt.num(albumsUI.selected.size)} photos to an album`, label: 'Album (a new name makes a new album)',
    placeholder: 'e.g. Summer 2019', okLabel: 'Add',
    submit: async (name) => {
      if (!name) throw new Error('Please enter an album name.');
      const ids = selectedIds();
      let album = albumsUI.list.find((a) => a.name.toLowerCase() === name.toLowerCase());
      if (!album) album = await albumApi.create(state.cid, name);
      const edit = await albumApi.add(state.cid, album.id, ids);
      toast(`Added ${fmt.num(edit.changed)} photo${edit.changed === 1 ? '' : 's'} to “${album.name}” (${fmt.num(edit.image_count)} in all)`);
      setSelecting(false);
    },
  });
  $('#form-dialog').addEventListener('close', () => $('#fd-input').removeAttribute('list'), { once: true });
}

async function removeSelectionFromAlbum() {
  try {
    const edit = await albumApi.take(state.cid, state.view.albumId, selectedIds());
    toast(`Removed ${fmt.num(edit.changed)} photo${edit.changed === 1 ? '' : 's'} from “${state.view.albumName}”`);
    setSelecting(false);
    runSearch();
  } catch (err) {
    handleError(err, 'Could not remove the photos');
  }
}

async function favoriteSelection() {
  try {
    const d = await albumApi.markMany(state.cid, selectedIds(), { favorite: true });
    toast(`${fmt.num(d.marks.length)} photo${d.marks.length === 1 ? '' : 's'} in your favourites (search is:favorite)`);
    setSelecting(false);
  } catch (err) {
    handleError(err, 'Could not mark the photos');
  }
}

/* ====================================================================== download == */

// A zip from the server, written to disk as it arrives where the browser can (File System
// Access API: the save dialog first, while the click still counts), else through a blob.
async function downloadZip(path, name, body) {
  let writable = null;
  if (window.showSaveFilePicker) {
    try {
      const handle = await window.showSaveFilePicker({ suggestedName: name, types: [{ description: 'Zip archive', accept: { 'application/zip': ['.zip'] } }] });
      writable = await handle.createWritable();
    } catch (err) {
      if (err.name === 'AbortError') return;
    }
  }
  toast(`Preparing ${name}…`);
  try {
    const res = await fetch(api.url(path), {
      method: body ? 'POST' : 'GET',
      headers: api.headers(body ? { 'Content-Type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) {
      let data = null;
      try { data = await res.json(); } catch { /* not JSON */ }
      throw ApiError.from(res.status, data, '');
    }
    if (writable) {
      await res.body.pipeTo(writable);
    } else {
      const url = URL.createObjectURL(await res.blob());
      const a = el('a', { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30000);
    }
    toast(`Downloaded ${name}`);
  } catch (err) {
    if (writable) writable.abort().catch(() => {});
    handleError(err, 'Download failed');
  }
}

function downloadAlbum() {
  downloadZip(`${albumApi.album(state.cid, state.view.albumId)}/download`, `${state.view.albumName}.zip`);
}

function downloadSelection() {
  let ids;
  try { ids = selectedIds(); } catch (err) { handleError(err, 'Download failed'); return; }
  downloadZip(`/collections/${encodeURIComponent(state.cid)}/download`, `${fmt.num(ids.length)} photos.zip`, { image_ids: ids });
}

/* ============================================================ lightbox: marks == */

async function renderLightboxMarks(item, index) {
  const box = $('#lb-marks');
  box.replaceChildren();
  let marks;
  try {
    marks = await albumApi.marks(item.id);
  } catch (err) {
    if (state.lightboxIndex === index) handleError(err, 'Could not load the rating');
    return;
  }
  if (state.lightboxIndex !== index) return;
  const save = async (changes) => {
    try {
      const saved = await albumApi.setMarks(item.id, changes);
      if (state.lightboxIndex === index) show(saved);
    } catch (err) {
      handleError(err, 'Could not save');
    }
  };
  const show = (m) => {
    const favorite = el('button', {
      class: `btn icon-btn mark-favorite${m.favorite ? ' on' : ''}`, type: 'button', 'aria-pressed': String(m.favorite),
      title: m.favorite ? 'Remove from favourites' : 'Add to favourites', 'aria-label': 'Favourite',
      onclick: () => save({ favorite: !m.favorite }), text: m.favorite ? '♥' : '♡',
    });
    const stars = [1, 2, 3, 4, 5].map((n) => el('button', {
      class: `star${n <= m.rating ? ' on' : ''}`, type: 'button', 'data-stars': n, 'aria-label': `${n} star${n === 1 ? '' : 's'}`,
      'aria-pressed': String(n === m.rating), title: n === m.rating ? 'Remove the rating' : `Rate ${n} of 5`,
      onclick: () => save({ rating: n === m.rating ? 0 : n }), text: n <= m.rating ? '★' : '☆',
    }));
    const add = el('button', {
      class: 'btn small', type: 'button', text: 'Add to album',
      onclick: () => { albumsUI.selected = new Set([item.id]); closeLightbox(); addSelectionToAlbum(); },
    });
    const cover = state.view.mode === 'album'
      ? el('button', {
        class: 'btn small ghost', type: 'button', text: 'Album cover',
        onclick: async () => {
          try { await albumApi.setCover(state.cid, state.view.albumId, item.id); toast('Album cover set'); } catch (err) { handleError(err, 'Could not set the cover'); }
        },
      })
      : null;
    box.replaceChildren(...[favorite, el('span', { class: 'stars', role: 'group', 'aria-label': 'Rating' }, stars), add, cover].filter(Boolean));
  };
  show(marks);
}

/* ======================================================================== events == */

function bindAlbumEvents() {
  $('#albums-button').addEventListener('click', () => showPage(state.page === 'albums' ? 'photos' : 'albums'));
  $('#albums-new').addEventListener('click', () => newAlbum());
  $('#albums-new-smart').addEventListener('click', () => {
    const query = $('#search-input').value.trim();
    if (!query) { toast('Type a search first: a smart album saves it.', 'error'); return; }
    newAlbum(query);
  });
  $('#album-download').addEventListener('click', downloadAlbum);
  $('#album-edit').addEventListener('click', editAlbum);
  $('#album-back').addEventListener('click', () => showPage('albums'));
  $('#select-toggle').addEventListener('click', () => setSelecting(!albumsUI.selecting));
  $('#selection-add').addEventListener('click', addSelectionToAlbum);
  $('#selection-remove').addEventListener('click', removeSelectionFromAlbum);
  $('#selection-favorite').addEventListener('click', favoriteSelection);
  $('#selection-download').addEventListener('click', downloadSelection);
  $('#selection-done').addEventListener('click', () => setSelecting(false));
}
