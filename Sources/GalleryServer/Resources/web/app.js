// Smart Gallery web UI: plain JavaScript, no framework, no build step, nothing from a CDN.
// Sections: 1 api (every server path and field name lives here), 2 state, 3 image loading,
// 4 render, 5 actions, 6 events, 7 boot. People, faces and review pages are in people.js; the
// timeline in timeline.js, the map in map.js (both show photos in the grid through a 'custom' view).
'use strict';

/* ======================================================================== 1. API == */

const enc = encodeURIComponent;

const api = {
  base: '/api/v1',
  tokenKey: 'smartGallery.token',
  collectionKey: 'smartGallery.collection',
  uploadField: 'files',       // multipart field for uploads (many files)
  imageSearchField: 'file',   // multipart field for search by image
  pageSize: 48,

  paths: {
    me: () => '/me',
    collections: () => '/collections',
    collection: (cid) => `/collections/${enc(cid)}`,
    stats: (cid) => `/collections/${enc(cid)}/stats`,
    images: (cid) => `/collections/${enc(cid)}/images`,
    search: (cid) => `/collections/${enc(cid)}/search`,
    suggestions: (cid) => `/collections/${enc(cid)}/search/suggestions`,
    similar: (cid) => `/collections/${enc(cid)}/search/similar`,
    searchImage: (cid) => `/collections/${enc(cid)}/search/image`,
    uploads: (cid) => `/collections/${enc(cid)}/uploads`,
    folders: (cid) => `/collections/${enc(cid)}/folders`,
    image: (id) => `/images/${enc(id)}`,
    thumbnail: (id, size) => `/images/${enc(id)}/thumbnail?size=${enc(size)}`,
    original: (id) => `/images/${enc(id)}/original`,
    jobs: () => '/jobs',
    job: (id) => `/jobs/${enc(id)}`,
    persons: (cid) => `/collections/${enc(cid)}/persons`,
    person: (cid, id) => `/collections/${enc(cid)}/persons/${enc(id)}`,
    mergePersons: (cid, id) => `/collections/${enc(cid)}/persons/${enc(id)}/merge`,
    splitFaces: (cid) => `/collections/${enc(cid)}/persons/split`,
    reviewFaces: (cid) => `/collections/${enc(cid)}/faces/review`,
    scanFaces: (cid) => `/collections/${enc(cid)}/faces/scan`,
    imageFaces: (id) => `/images/${enc(id)}/faces`,
    faceChip: (id) => `/faces/${enc(id)}/chip`,
    facePerson: (id) => `/faces/${enc(id)}/person`,
    imageTags: (id) => `/images/${enc(id)}/tags`,
    removeImageTags: (id) => `/images/${enc(id)}/tags/remove`,
    imageDescription: (id) => `/images/${enc(id)}/description`,
    imageText: (cid, id) => `/collections/${enc(cid)}/images/${enc(id)}/text`,
  },

  token: null,

  url(path, query) {
    let url = this.base + path;
    if (query) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        if (v === undefined || v === null || v === '') continue;
        if (Array.isArray(v)) for (const item of v) qs.append(k, String(item)); // repeated: person=1&person=2
        else qs.set(k, String(v));
      }
      const s = qs.toString().replace(/\+/g, '%20'); // the server reads '+' literally
      if (s) url += (url.includes('?') ? '&' : '?') + s;
    }
    return url;
  },

  headers(extra = {}) {
    return this.token ? { Authorization: `Bearer ${this.token}`, ...extra } : extra;
  },

  // JSON request; throws ApiError. `body` is JSON-encoded unless it is FormData.
  async request(method, path, { query, body, signal } = {}) {
    const opts = { method, headers: this.headers({ Accept: 'application/json' }), signal };
    if (body instanceof FormData) opts.body = body;
    else if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(this.url(path, query), opts);
    } catch (err) {
      if (err.name === 'AbortError') throw err;
      throw new ApiError(0, 'network', 'Cannot reach the server.');
    }
    if (res.status === 204) return null;
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    if (!res.ok) throw ApiError.from(res.status, data, text);
    return data;
  },

  // Binary GET (thumbnails, originals) with the Authorization header; returns a Blob.
  async blob(path, signal) {
    const res = await fetch(this.url(path), { headers: this.headers(), signal });
    if (!res.ok) throw ApiError.from(res.status, null, '');
    return res.blob();
  },

  // Multipart POST with upload progress (fetch has none): resolves with the parsed JSON.
  upload(path, form, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.url(path));
      if (this.token) xhr.setRequestHeader('Authorization', `Bearer ${this.token}`);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); };
      xhr.onerror = () => reject(new ApiError(0, 'network', 'Upload failed: cannot reach the server.'));
      xhr.onload = () => {
        let data = null;
        try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { /* not JSON */ }
        if (xhr.status >= 200 && xhr.status < 300) resolve(data || {});
        else if (data && !data.error && (Array.isArray(data.rejected) || Array.isArray(data.failed))) resolve(data); // all files refused
        else reject(ApiError.from(xhr.status, data, xhr.responseText));
      };
      xhr.send(form);
    });
  },

  // --- Endpoints (normalised so the rest of the app sees one shape) ---
  async me() { const d = await this.request('GET', this.paths.me()); return d?.user ?? d; },
  async collections() {
    const d = await this.request('GET', this.paths.collections());
    return (Array.isArray(d) ? d : d?.collections ?? d?.items ?? []).map(normCollection);
  },
  async createCollection(name) {
    const d = await this.request('POST', this.paths.collections(), { body: { name } });
    return normCollection(d?.collection ?? d);
  },
  renameCollection(cid, name) { return this.request('PATCH', this.paths.collection(cid), { body: { name } }); },
  deleteCollection(cid) { return this.request('DELETE', this.paths.collection(cid)); },
  async stats(cid) { return normStats(await this.request('GET', this.paths.stats(cid))); },

  async listImages(cid, filters, limit, offset, signal) {
    const query = { limit, offset, ...filtersToQuery(filters) };
    return normResults(await this.request('GET', this.paths.images(cid), { query, signal }));
  },
  async suggest(cid, word, signal) {
    const d = await this.request('GET', this.paths.suggestions(cid), { query: { q: word }, signal });
    return Array.isArray(d?.suggestions) ? d.suggestions : [];
  },
  async searchText(cid, text, filters, limit, offset, signal) {
    const body = { query: text, limit, offset, ...searchExtras(filters) };
    return normResults(await this.request('POST', this.paths.search(cid), { body, signal }));
  },
  async searchSimilar(cid, imageId, filters, limit, offset, signal) {
    const body = { image_id: imageId, limit, offset, ...searchExtras(filters) };
    return normResults(await this.request('POST', this.paths.similar(cid), { body, signal }));
  },
  async searchByImage(cid, file, filters, limit, offset, signal) {
    const form = new FormData();
    form.append(this.imageSearchField, file, file.name || 'image');
    form.append('limit', String(limit));
    form.append('offset', String(offset));
    const extras = searchExtras(filters);
    if (extras.min_score !== undefined) form.append('min_score', String(extras.min_score));
    if (extras.filters) form.append('filters', JSON.stringify(extras.filters));
    const query = { limit, offset, min_score: extras.min_score, all: extras.all, person: filters.persons, person_match: filters.person_match };
    return normResults(await this.request('POST', this.paths.searchImage(cid), { query, body: form, signal }));
  },
  // {"image": {...}, "tags": [...]} or a flat object.
  async image(id) {
    const d = await this.request('GET', this.paths.image(id));
    return d?.image && typeof d.image === 'object'
      ? { ...d.image, tags: d.tags ?? d.image.tags ?? [], user_tags: d.user_tags ?? [], description: d.description ?? null }
      : d;
  },
  // The user's own tags and description: each call answers {"image_id", "tags", "description"}.
  addTags(id, tags) { return this.request('POST', this.paths.imageTags(id), { body: { tags } }); },
  removeTags(id, tags) { return this.request('POST', this.paths.removeImageTags(id), { body: { tags } }); },
  describe(id, description) { return this.request('PUT', this.paths.imageDescription(id), { body: { description } }); },
  deleteImage(id) { return this.request('DELETE', this.paths.image(id)); },
  async addFolder(cid, path) {
    const d = await this.request('POST', this.paths.folders(cid), { body: { path } });
    return d?.job ?? d;
  },
  async jobs() {
    const d = await this.request('GET', this.paths.jobs());
    return Array.isArray(d) ? d : d?.jobs ?? d?.items ?? [];
  },
  cancelJob(id) { return this.request('DELETE', this.paths.job(id)); },

  // Persons and faces. A person: {"id","name"?,"hidden","faces","photos","cover_face_id"?};
  // a face: {"id","image_id","box":{"x","y","width","height"} (0..1),"person_id","person_name"}.
  async persons(cid, hidden = true) {
    const d = await this.request('GET', this.paths.persons(cid), { query: { hidden: hidden ? 'true' : undefined } });
    return d?.persons ?? [];
  },
  createPerson(cid, name) { return this.request('POST', this.paths.persons(cid), { body: { name } }); },
  updatePerson(cid, id, changes) { return this.request('PATCH', this.paths.person(cid, id), { body: changes }); },
  deletePerson(cid, id) { return this.request('DELETE', this.paths.person(cid, id)); },
  mergePersons(cid, id, others) { return this.request('POST', this.paths.mergePersons(cid, id), { body: { person_ids: others } }); },
  // Moves faces to person `personId`, or to a new person called `name`.
  moveFaces(cid, faceIds, { personId, name } = {}) {
    return this.request('POST', this.paths.splitFaces(cid), { body: { face_ids: faceIds, person_id: personId, name } });
  },
  async reviewFaces(cid, limit = 200) {
    const d = await this.request('GET', this.paths.reviewFaces(cid), { query: { limit } });
    return d?.faces ?? [];
  },
  scanFaces(cid) { return this.request('POST', this.paths.scanFaces(cid)); },
  async imageFaces(id) {
    const d = await this.request('GET', this.paths.imageFaces(id));
    return d?.faces ?? [];
  },
  assignFace(faceId, personId) { return this.request('PUT', this.paths.facePerson(faceId), { body: { person_id: personId } }); },
  rejectFace(faceId) { return this.request('DELETE', this.paths.facePerson(faceId)); },
  // {"image_id","path","model"|null,"text","lines":[{"text","confidence","box":[[x,y] x4]}]}
  imageText(cid, id) { return this.request('GET', this.paths.imageText(cid, id)); },
};

class ApiError extends Error {
  constructor(status, code, message) {
    super(message || `Request failed (${status})`);
    this.status = status;
    this.code = code;
  }
  static from(status, data, text) {
    const e = data?.error;
    const message = (typeof e === 'object' ? e?.message : e) || data?.message ||
      (text && text.length < 200 ? text : '') || `Request failed (HTTP ${status})`;
    return new ApiError(status, (typeof e === 'object' && e?.code) || `http_${status}`, message);
  }
}

function normCollection(c) {
  return {
    id: c?.id ?? c?.collection_id,
    name: c?.name ?? String(c?.id ?? 'Untitled'),
    count: c?.image_count ?? c?.images ?? c?.count ?? null,
  };
}

function normResults(d) {
  const list = Array.isArray(d) ? d : d?.results ?? d?.images ?? d?.items ?? [];
  const items = list.map((r) => {
    const img = r.image && typeof r.image === 'object' ? { ...r.image, ...r } : r;
    return {
      id: img.id ?? img.image_id,
      path: img.path ?? img.name ?? img.filename ?? '',
      score: typeof img.score === 'number' ? img.score : null,
      takenAt: img.taken_at ?? img.takenAt ?? null,
      width: img.width ?? null,
      height: img.height ?? null,
      format: img.format ?? null,
      tags: Array.isArray(img.tags) ? img.tags : [],
      rankScore: typeof img.rank_score === 'number' ? img.rank_score : null,
      keywordScore: typeof img.keyword_score === 'number' ? img.keyword_score : null,
      matched: Array.isArray(img.matched) ? img.matched : [],
    };
  });
  // Ranked searches count the relevant matches apart from the weaker ones below the floor.
  const total = typeof d?.total === 'number' ? d.total : null;
  const relevant = typeof d?.relevant === 'number' ? d.relevant : total;
  const parts = Array.isArray(d?.parts) ? d.parts : [];
  return { items, parts, total: relevant, weaker: total !== null && relevant !== null ? total - relevant : 0 };
}

// Stats: {"collection", "status": {"images": {status: n}, "formats", "last_run", "active_model"},
// "model": {"identifier", "available", "problem"}, "jobs": {"queued", "running"}} (flat shapes work too).
function normStats(d) {
  const s = d?.stats ?? d ?? {};
  const rep = s.status && typeof s.status === 'object' ? s.status : s;
  const numbers = (o) => (o && typeof o === 'object' && !Array.isArray(o)
    ? Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'number')) : null);
  const counts = numbers(rep.images) || numbers(s.by_status) || numbers(rep.counts) || {};
  const total = typeof counts.total === 'number' ? counts.total : Object.values(counts).reduce((a, b) => a + b, 0);
  delete counts.total;
  const model = s.model && typeof s.model === 'object' ? s.model : null;
  return {
    total,
    counts,
    formats: numbers(rep.formats) || {},
    model: model?.identifier ?? rep.active_model ?? (typeof s.model === 'string' ? s.model : null),
    modelProblem: model && model.available === false ? model.problem || 'no embedding model is active' : null,
    lastRun: rep.last_run?.finished_at ?? rep.last_run?.started_at ?? (typeof rep.last_run === 'string' ? rep.last_run : null),
    activeJobs: (s.jobs?.queued ?? 0) + (s.jobs?.running ?? 0),
    facesAvailable: s.faces?.available === true,
    facesProblem: s.faces?.available === false ? s.faces.problem || 'face recognition is unavailable' : null,
  };
}

// Filters as the GET /images query string wants them.
function filtersToQuery(f) {
  const q = {};
  for (const k of ['after', 'before', 'make', 'model', 'min_width', 'max_width', 'min_height', 'max_height']) {
    if (f[k] !== undefined && f[k] !== '') q[k] = f[k];
  }
  if (f.format?.length) q.format = f.format.join(',');
  if (f.gps) q.has_location = 'true';
  if (f.persons?.length) q.person = f.persons;
  if (f.person_match) q.person_match = f.person_match;
  if (f.color?.length) q.color = f.color.join(',');
  if (f.bbox) q.bbox = f.bbox;
  return q;
}

// Filters as the search endpoints want them: {"min_score", "filters": {...}}.
function searchExtras(f) {
  const out = {};
  const filters = {};
  for (const k of ['after', 'before', 'make', 'model']) if (f[k]) filters[k] = f[k];
  for (const k of ['min_width', 'max_width', 'min_height', 'max_height']) if (f[k] !== undefined) filters[k] = f[k];
  if (f.format?.length) filters.format = f.format.join(',');
  if (f.gps) filters.has_location = true;
  if (f.persons?.length) filters.person = f.persons;
  if (f.person_match) filters.person_match = f.person_match;
  if (f.color?.length) filters.color = f.color.join(',');
  if (f.bbox) filters.bbox = f.bbox;
  if (Object.keys(filters).length) out.filters = filters;
  if (f.min_score !== undefined) out.min_score = f.min_score;
  if (f.all) out.all = true;
  const weight = parseFloat($('#semantic-weight')?.value);
  if (Number.isFinite(weight)) out.semantic_weight = weight;
  // The browser's language: NLLB models get its FLORES-200 code in front of the query, as Immich's web does.
  if (navigator.language) out.language = navigator.language;
  return out;
}

/* ====================================================================== 2. STATE == */

const state = {
  user: null,
  collections: [],
  cid: null,
  filters: {},
  // What the grid shows: mode is 'browse' | 'text' | 'similar' | 'image' | 'person' (personId, personName).
  view: { mode: 'browse', text: '', imageId: null, imageName: '', file: null },
  page: 'photos',       // 'photos' (the grid) | 'people' | 'review'
  persons: [],          // the collection's persons, hidden ones included (people.js)
  personsCid: null,     // the collection `persons` belongs to
  items: [],
  total: null,
  hasMore: false,
  loading: false,
  error: null,
  gen: 0,               // bumps on every new search; stale responses are dropped
  abort: null,
  lightboxIndex: -1,
  jobs: new Map(),      // id -> job, the ones worth showing
  stats: null,
  pollTimer: null,
  uploading: false,
};

/* ============================================================== 3. IMAGE LOADING == */

// Thumbnails need the Authorization header, so <img src> cannot fetch them: we fetch with
// a small concurrency limit, hand out blob: URLs and revoke them when no longer shown.
const images = {
  limit: 6,
  active: 0,
  queue: [],
  small: new Map(),     // id -> blob URL (grid thumbnails)
  large: new Map(),     // id -> blob URL (lightbox), kept small (LRU)
  largeMax: 6,

  get(id, size) {
    const cache = size === 'small' ? this.small : this.large;
    if (cache.has(id)) {
      const url = cache.get(id);
      if (size !== 'small') { cache.delete(id); cache.set(id, url); }
      return Promise.resolve(url);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id, size, gen: state.gen, resolve, reject, priority: size !== 'small' });
      this.queue.sort((a, b) => b.priority - a.priority);
      this.pump();
    });
  },

  pump() {
    while (this.active < this.limit && this.queue.length) {
      const job = this.queue.shift();
      if (job.size === 'small' && job.gen !== state.gen) { job.reject(new Error('stale')); continue; }
      this.active++;
      api.blob(api.paths.thumbnail(job.id, job.size))
        .then((blob) => {
          const cache = job.size === 'small' ? this.small : this.large;
          let url = cache.get(job.id);
          if (!url) { url = URL.createObjectURL(blob); cache.set(job.id, url); }
          if (job.size !== 'small') this.trimLarge();
          job.resolve(url);
        })
        .catch(job.reject)
        .finally(() => { this.active--; this.pump(); });
    }
  },

  trimLarge() {
    while (this.large.size > this.largeMax) {
      const [id, url] = this.large.entries().next().value;
      this.large.delete(id);
      URL.revokeObjectURL(url);
    }
  },

  // Revoke grid thumbnails that are no longer in the results.
  keepOnly(ids) {
    for (const [id, url] of this.small) {
      if (!ids.has(id)) { URL.revokeObjectURL(url); this.small.delete(id); }
    }
  },

  clear() {
    this.queue = [];
    for (const url of this.small.values()) URL.revokeObjectURL(url);
    for (const url of this.large.values()) URL.revokeObjectURL(url);
    this.small.clear();
    this.large.clear();
  },
};

/* ===================================================================== 4. RENDER == */

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
};
const icon = (name) => {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
  use.setAttribute('href', `#i-${name}`);
  svg.append(use);
  return svg;
};

const fmt = {
  name: (path) => (path || '').split(/[\\/]/).filter(Boolean).pop() || path || 'Image',
  score: (s) => (typeof s === 'number' ? s.toFixed(2) : ''),
  date(v) {
    if (!v) return '';
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? String(v) : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  },
  bytes(n) {
    if (typeof n !== 'number') return '';
    const units = ['B', 'KB', 'MB', 'GB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
  },
  exposure(t) {
    if (typeof t !== 'number' || t <= 0) return t ? String(t) : '';
    return t >= 1 ? `${t} s` : `1/${Math.round(1 / t)} s`;
  },
  num: (n) => (typeof n === 'number' ? n.toLocaleString() : n ?? ''),
};

function toast(message, kind = 'info', ms = 4500) {
  const node = el('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : undefined, text: message });
  $('#toasts').append(node);
  setTimeout(() => node.remove(), ms);
}

function showView(signedIn) {
  $('#signin-view').hidden = signedIn;
  $('#app-view').hidden = !signedIn;
}

function renderCollections() {
  const select = $('#collection-select');
  select.replaceChildren(...state.collections.map((c) =>
    el('option', { value: c.id, text: c.count !== null ? `${c.name} (${fmt.num(c.count)})` : c.name })));
  select.value = state.cid ?? '';
  select.disabled = !state.collections.length;
  $('#collection-edit').disabled = !state.cid;
  for (const id of ['#upload-button', '#search-button', '#image-search-button', '#filters-toggle']) $(id).disabled = !state.cid;
  $('#folder-button').hidden = !state.user?.is_admin;
  $('#folder-button').disabled = !state.cid;
}

function resultsTitle() {
  const v = state.view;
  const count = state.total ?? state.items.length;
  const n = state.loading && !state.items.length ? '' : ` · ${fmt.num(count)}${state.total === null && state.hasMore ? '+' : ''}`;
  switch (v.mode) {
    case 'text': return `Results for “${v.text}”${n}`;
    case 'similar': return `Similar to ${v.imageName || 'image'}${n}`;
    case 'image': return `Similar to ${v.imageName || 'your image'}${n}`;
    case 'person': return `Photos of ${v.personName}${n}`;
    case 'album': return `${v.albumName}${n}`;
    case 'custom': return `${v.title}${n}`;
    default: return `All photos${n}`;
  }
}

function renderMessage(kind, title, text, action) {
  const box = $('#results-message');
  box.className = `message ${kind}`;
  box.replaceChildren(...[el('h3', { text: title }), text ? el('p', { text }) : null, action].filter(Boolean));
  box.hidden = false;
}

// Re-renders everything about the results except the tiles already in the grid.
function renderResultsChrome() {
  const filtered = Object.keys(state.filters).length > 0;
  $('#results-title').textContent = state.cid ? resultsTitle() : '';
  $('#clear-search').hidden = state.view.mode === 'browse';
  $('#person-actions').hidden = state.view.mode !== 'person';
  $('#album-actions').hidden = state.view.mode !== 'album';
  $('#load-more').hidden = !state.hasMore || state.loading || !!state.error;
  const weaker = $('#show-weaker');
  weaker.hidden = !state.weaker || state.view.all || state.hasMore || state.loading || !!state.error;
  weaker.textContent = `Show ${fmt.num(state.weaker)} weaker match${state.weaker === 1 ? '' : 'es'}`;
  $('#grid-spinner').hidden = !state.loading;
  $('#results-message').hidden = true;

  if (!state.collections.length) {
    renderMessage('empty', 'No collections yet',
      'A collection holds a set of photos you can search. Create one to get started.',
      el('button', { class: 'btn primary', type: 'button', onclick: newCollection }, icon('plus'), 'New collection'));
  } else if (state.error && !state.loading) {
    renderMessage('error', state.view.mode === 'browse' ? 'Could not load photos' : 'Search failed', state.error,
      el('button', { class: 'btn', type: 'button', onclick: () => runSearch() }, 'Try again'));
  } else if (state.loading && !state.items.length) {
    $('#results-title').textContent = state.view.mode === 'browse' ? 'Loading photos…' : 'Searching…';
  } else if (!state.loading && !state.items.length) {
    if (state.view.mode === 'browse' && !filtered) {
      renderMessage('empty', 'This collection is empty',
        'Upload photos, or drag and drop images onto this page to search by them.',
        el('button', { class: 'btn primary', type: 'button', onclick: () => $('#upload-input').click() }, icon('upload'), 'Upload photos'));
    } else {
      renderMessage('empty', 'No matching photos',
        filtered ? 'Try clearing some filters or lowering the minimum score.' : 'Try different words, or another image.',
        filtered ? el('button', { class: 'btn', type: 'button', onclick: clearFilters }, 'Clear filters') : null);
    }
  }
}

const tileObserver = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    tileObserver.unobserve(entry.target);
    loadTile(entry.target);
  }
}, { rootMargin: '400px 0px' });

function loadTile(tile) {
  const item = state.items[Number(tile.dataset.index)];
  if (!item) return;
  const img = tile.querySelector('img');
  images.get(item.id, 'small').then((url) => {
    img.onload = () => { img.classList.add('loaded'); tile.classList.remove('loading'); };
    img.src = url;
  }).catch((err) => {
    if (err.message === 'stale') return;
    tile.classList.remove('loading');
    tile.classList.add('broken');
  });
}

function tileFor(item, index) {
  const name = fmt.name(item.path);
  const label = item.score !== null ? `${name}, score ${fmt.score(item.score)}` : name;
  const tile = el('button', { class: 'tile loading', type: 'button', 'data-index': index, 'data-id': item.id, 'aria-label': label, title: label },
    el('img', { alt: '', decoding: 'async', draggable: 'false' }),
    item.score !== null ? el('span', { class: 'score', 'aria-hidden': 'true', text: fmt.score(item.score) }) : null,
    el('span', { class: 'caption', 'aria-hidden': 'true', text: name }));
  tileObserver.observe(tile);
  return el('li', {}, tile);
}

function appendTiles(from) {
  const frag = document.createDocumentFragment();
  for (let i = from; i < state.items.length; i++) frag.append(tileFor(state.items[i], i));
  $('#grid').append(frag);
}

function renderStats() {
  const s = state.stats;
  const box = $('#stats');
  if (!s || !state.cid) { box.replaceChildren(); return; }
  const stat = (label, value, cls = '') => el('span', { class: `stat ${cls}` }, `${label} `, el('b', { text: typeof value === 'number' ? fmt.num(value) : String(value) }));
  const parts = [stat('Photos', s.total)];
  for (const [k, v] of Object.entries(s.counts)) {
    if (v === 0 && k !== 'indexed') continue;
    parts.push(stat(k.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), v, k === 'failed' ? 'bad' : ''));
  }
  const formats = Object.entries(s.formats).map(([k, v]) => `${k.toUpperCase()} ${v}`).join(', ');
  if (formats) parts[0].title = formats;
  if (s.modelProblem) parts.push(stat('Search unavailable:', s.modelProblem, 'bad'));
  else if (s.model) parts.push(stat('Model', s.model));
  if (s.lastRun) parts.push(stat('Last run', fmt.date(s.lastRun)));
  box.replaceChildren(...parts);
}

function pendingCount() {
  const c = state.stats?.counts || {};
  return (c.pending || 0) + (c.queued || 0) + (c.indexing || 0) + (c.processing || 0);
}

function renderJobs() {
  const list = $('#jobs');
  list.replaceChildren(...[...state.jobs.values()].map((job) => {
    const p = job.progress || {};
    const done = p.done ?? 0;
    const total = p.total ?? 0;
    const active = job.state === 'queued' || job.state === 'running';
    const label = `${jobName(job)}: ${job.state}`;
    return el('li', { class: `job ${job.state}` },
      el('span', { text: label }),
      active && total ? el('progress', { max: total, value: done, 'aria-label': `${label}, ${done} of ${total}` }) : null,
      total ? el('span', { text: `${fmt.num(done)}/${fmt.num(total)}${p.failed ? `, ${p.failed} failed` : ''}` }) : null,
      job.error ? el('span', { text: String(job.error?.message ?? job.error) }) : null,
      active
        ? el('button', { class: 'btn ghost small', type: 'button', 'aria-label': `Cancel ${label}`, onclick: () => cancelJob(job.id) }, 'Cancel')
        : el('button', { class: 'btn ghost small icon-btn', type: 'button', 'aria-label': 'Dismiss', onclick: () => { state.jobs.delete(job.id); renderJobs(); } }, icon('close')));
  }));
}

function jobName(job) {
  const names = {
    index_folder: 'Indexing folder', index_upload: 'Indexing upload', index_image: 'Indexing image',
    index_watch: 'Indexing changes in', face_scan: 'Scanning for faces', face_cluster: 'Grouping faces',
    ocr_scan: 'Reading text in photos',
  };
  const root = Array.isArray(job.roots) && job.roots.length ? ` ${fmt.name(job.roots[0])}` : '';
  return (names[job.kind] || (job.kind || 'Job').replace(/_/g, ' ')) + root;
}

function renderFiltersBadge() {
  const n = Object.keys(state.filters).filter((k) => k !== 'person_match').length;
  const badge = $('#filters-count');
  badge.hidden = !n;
  badge.textContent = String(n);
}

function renderMeta(meta, item) {
  const box = $('#lb-meta');
  const rows = (pairs) => {
    const entries = pairs.filter(([, v]) => v !== undefined && v !== null && v !== '');
    return entries.length ? el('dl', {}, entries.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })])) : null;
  };
  const section = (title, content) => (content ? [el('h3', { text: title }), content] : []);
  const cam = meta.camera || meta.exif || {};
  const loc = meta.location || meta.gps || null;
  const w = meta.width ?? item?.width;
  const h = meta.height ?? item?.height;
  const tags = (meta.tags?.length ? meta.tags : item?.tags) || [];
  const keywords = meta.keywords || [];

  // Why this result: the score parts and what the keyword side matched.
  const why = item && (item.rankScore !== null || item.matched?.length) ? el('div', {},
    rows([
      ['Meaning', item.score !== null && item.score !== undefined ? fmt.score(item.score) : ''],
      ['Keywords', item.keywordScore !== null && item.keywordScore !== undefined ? fmt.score(item.keywordScore) : ''],
      ['Ranked by', item.rankScore !== null && item.rankScore !== undefined ? fmt.score(item.rankScore) : ''],
    ]),
    item.matched?.length ? el('ul', { class: 'why' }, item.matched.map((m) => el('li', { text: `${m.field}: ${(m.terms || []).join(', ')}` }))) : null)
    : null;

  box.replaceChildren(...[
    ...section('Why this result', why),
    ...section('File', rows([
      ['Path', meta.path ?? item?.path],
      ['XMP sidecar', meta.sidecar],
      ['Format', (meta.format ?? item?.format)?.toUpperCase?.()],
      ['Size', w && h ? `${w} × ${h}` : ''],
      ['File size', fmt.bytes(meta.file_size)],
      ['Taken', fmt.date(meta.taken_at ?? item?.takenAt)],
      ['Indexed', fmt.date(meta.indexed_at ?? meta.added_at ?? meta.created_at)],
      ['Status', meta.status],
      ['Score', item?.score !== null && item?.score !== undefined ? fmt.score(item.score) : ''],
    ])),
    ...section('Camera', rows([
      ['Make', cam.make], ['Model', cam.model], ['Lens', cam.lens],
      ['Exposure', fmt.exposure(cam.exposure_time)],
      ['Aperture', cam.f_number ? `f/${cam.f_number}` : ''],
      ['ISO', cam.iso], ['Focal length', cam.focal_length ? `${cam.focal_length} mm` : ''],
    ])),
    ...section('Location', loc && (loc.latitude !== undefined && loc.latitude !== null) ? rows([
      ['Place', meta.place ? [meta.place.city, meta.place.region, meta.place.country].filter(Boolean).join(', ') : ''],
      ['Latitude', Number(loc.latitude).toFixed(5)], ['Longitude', Number(loc.longitude).toFixed(5)],
      ['Altitude', loc.altitude !== undefined && loc.altitude !== null ? `${Math.round(loc.altitude)} m` : ''],
    ]) : null),
    ...section('Tags', tags.length ? el('ul', { class: 'tags' }, tags.map((t) => {
      const label = typeof t === 'string' ? t : t.label;
      return el('li', {}, el('button', { class: 'tag', type: 'button', title: `Search for “${label}”`, onclick: () => { closeLightbox(); searchText(label); } },
        label, typeof t.score === 'number' ? el('small', { text: t.score.toFixed(2) }) : null));
    })) : null),
    ...section('Your tags', renderUserTags(meta, item)),
    ...section('Description', renderDescription(meta, item)),
    ...section('Captions', meta.captions ? rows([
      ['Title', meta.captions.title], ['Headline', meta.captions.headline],
      ['Description', meta.captions.description], ['Comment', meta.captions.comment],
    ]) : null),
    ...section('Keywords', keywords.length ? el('ul', { class: 'tags' }, keywords.map((k) => el('li', { class: 'tag', text: String(k) }))) : null),
    meta.failure || meta.error ? el('p', { class: 'form-error', text: `Indexing failed: ${meta.failure?.message ?? meta.failure?.reason ?? meta.error?.message ?? meta.error}` }) : null,
  ].filter(Boolean));
}

// The user's tags of the photo in the lightbox: chips with a remove button, and a field that
// adds the tags typed (comma-separated). Only once the image's details have loaded.
function renderUserTags(meta, item) {
  if (!Array.isArray(meta.user_tags) || !item) return null;
  const id = item.id;
  const refresh = (annotations) => {
    if (state.items[state.lightboxIndex]?.id !== id) return;
    meta.user_tags = annotations.tags ?? [];
    meta.description = annotations.description ?? null;
    renderMeta(meta, item);
  };
  const chips = el('ul', { class: 'tags user-tags' }, meta.user_tags.map((tag) => el('li', { class: 'tag' },
    el('button', { class: 'tag-search', type: 'button', title: `Search for “${tag}”`, onclick: () => { closeLightbox(); searchText(tag); } }, tag),
    el('button', { class: 'tag-remove', type: 'button', 'aria-label': `Remove the tag “${tag}”`, text: '×',
      onclick: () => api.removeTags(id, [tag]).then(refresh).catch((err) => handleError(err, 'Could not remove the tag')) }))));
  const input = el('input', { type: 'text', id: 'lb-tag-input', maxlength: '100', placeholder: 'Add tags, comma-separated', 'aria-label': 'Add tags' });
  const form = el('form', { class: 'tag-form', onsubmit: (e) => {
    e.preventDefault();
    const tags = input.value.split(',').map((t) => t.trim()).filter(Boolean);
    if (!tags.length) return;
    api.addTags(id, tags).then(refresh).catch((err) => handleError(err, 'Could not add the tags'));
  } }, input, el('button', { type: 'submit', class: 'btn', text: 'Add' }));
  return el('div', {}, meta.user_tags.length ? chips : null, form);
}

// The user's description of the photo in the lightbox, edited in place.
function renderDescription(meta, item) {
  if (!Array.isArray(meta.user_tags) || !item) return null;
  const id = item.id;
  const text = el('textarea', { id: 'lb-description', rows: '3', maxlength: '10000', 'aria-label': 'Description', placeholder: 'Describe this photo' });
  text.value = meta.description ?? '';
  const status = el('small', { class: 'muted', 'aria-live': 'polite' });
  const form = el('form', { class: 'description-form', onsubmit: (e) => {
    e.preventDefault();
    api.describe(id, text.value.trim() || null).then((annotations) => {
      meta.description = annotations.description ?? null;
      status.textContent = 'Saved';
    }).catch((err) => handleError(err, 'Could not save the description'));
  } }, text, el('div', {}, el('button', { type: 'submit', class: 'btn', text: 'Save' }), status));
  return form;
}

/* ==================================================================== 5. ACTIONS == */

async function signIn(token) {
  api.token = token;
  state.user = await api.me();
  localStorage.setItem(api.tokenKey, token);
  showView(true);
  await loadCollections();
  startPolling();
}

function signOut(message) {
  localStorage.removeItem(api.tokenKey);
  api.token = null;
  state.user = null;
  state.collections = [];
  state.cid = null;
  state.items = [];
  state.abort?.abort();
  clearTimeout(state.pollTimer);
  state.jobs.clear();
  images.clear();
  resetPeople();
  $('#grid').replaceChildren();
  if ($('#lightbox').open) $('#lightbox').close();
  showView(false);
  const err = $('#signin-error');
  err.hidden = !message;
  err.textContent = message || '';
  $('#token-input').value = '';
  $('#token-input').focus();
}

// Central error handling: 401 means the token is gone; everything else becomes a toast.
function handleError(err, context) {
  if (err?.name === 'AbortError' || err?.message === 'stale') return;
  if (err instanceof ApiError && err.status === 401) { signOut('Your session has expired or the token was revoked. Please sign in again.'); return; }
  console.warn(context, err);
  toast(`${context ? `${context}: ` : ''}${err.message || err}`, 'error', 7000);
}

async function loadCollections(selectId) {
  state.collections = await api.collections();
  const saved = selectId ?? localStorage.getItem(api.collectionKey);
  const found = state.collections.find((c) => String(c.id) === String(saved));
  state.cid = found ? found.id : state.collections[0]?.id ?? null;
  renderCollections();
  await selectCollection(state.cid);
}

async function selectCollection(cid) {
  state.cid = cid;
  if (cid !== null && cid !== undefined) localStorage.setItem(api.collectionKey, String(cid));
  renderCollections();
  state.view = { mode: 'browse', text: '', imageId: null, imageName: '', file: null };
  $('#search-input').value = '';
  state.stats = null;
  renderStats();
  resetPeople();
  resetAlbums();
  refreshStats();
  renderColorSwatches();
  if (state.page === 'timeline') renderTimeline();
  else if (state.page === 'map') renderMap();
  await runSearch();
}

// Starts the current view from the first page.
async function runSearch() {
  state.abort?.abort();
  state.abort = null;
  state.loading = false;
  state.gen++;
  state.items = [];
  state.total = null;
  state.weaker = 0;
  state.hasMore = false;
  state.error = null;
  $('#grid').replaceChildren();
  if (!state.cid) { state.loading = false; renderResultsChrome(); return; }
  await loadPage();
  images.keepOnly(new Set(state.items.map((i) => i.id)));
}

async function loadPage() {
  if (state.loading && state.abort) return;
  const gen = state.gen;
  const controller = new AbortController();
  state.abort = controller;
  state.loading = true;
  state.error = null;
  renderResultsChrome();
  const { mode, text, imageId, file } = state.view;
  const filters = state.view.all ? { ...state.filters, all: true } : state.filters;
  const args = [filters, api.pageSize, state.items.length, controller.signal];
  try {
    let page;
    if (mode === 'text') page = await api.searchText(state.cid, text, ...args);
    else if (mode === 'similar') page = await api.searchSimilar(state.cid, imageId, ...args);
    else if (mode === 'image') page = await api.searchByImage(state.cid, file, ...args);
    else if (mode === 'album') page = await albumApi.page(state.cid, state.view.albumId, ...args.slice(1));
    else if (mode === 'custom') page = await state.view.load(api.pageSize, state.items.length, controller.signal);
    else if (mode === 'person') page = await api.listImages(state.cid, { ...state.filters, persons: [state.view.personId], person_match: undefined }, ...args.slice(1));
    else page = await api.listImages(state.cid, ...args);
    if (gen !== state.gen) return;
    const from = state.items.length;
    // Drop duplicates (pages can shift while indexing adds images).
    const seen = new Set(state.items.map((i) => i.id));
    state.items.push(...page.items.filter((i) => !seen.has(i.id)));
    state.total = page.total;
    if (from === 0) renderQueryParts(mode === 'text' ? page.parts ?? [] : []);
    state.weaker = state.view.all ? 0 : page.weaker ?? 0;
    state.hasMore = page.items.length > 0 && (page.total !== null ? state.items.length < page.total : page.items.length >= api.pageSize);
    appendTiles(from);
  } catch (err) {
    if (gen !== state.gen || err.name === 'AbortError') return;
    if (err instanceof ApiError && err.status === 401) { handleError(err); return; }
    state.error = err.message || String(err);
  } finally {
    if (gen === state.gen) {
      state.loading = false;
      state.abort = null;
      renderResultsChrome();
      if (state.hasMore) requestAnimationFrame(maybeLoadMore);
    }
  }
}

function maybeLoadMore() {
  if (!state.hasMore || state.loading || state.error) return;
  const rect = $('#grid-sentinel').getBoundingClientRect();
  if (rect.top < window.innerHeight + 600) loadPage();
}

// Chips for how the query was understood ("2019" as a date, person:Anna, -crowd ...).
function renderQueryParts(parts) {
  const list = $('#query-parts');
  const shown = parts.length > 1 || parts.some((p) => p.kind !== 'words') ? parts : [];
  const labels = { words: 'words', field: 'field', date: 'date', excluded: 'not', subtracted: 'minus', person: 'person', place: 'place', color: 'colour' };
  list.replaceChildren(...shown.map((p) => el('li', { class: `part part-${p.kind}` },
    el('span', { class: 'part-kind' }, p.kind === 'field' ? `${p.field}` : labels[p.kind] ?? p.kind), ` ${p.text}`)));
  list.hidden = shown.length === 0;
}

// Autocomplete in the search box: completions of the word being typed.
const suggest = { timer: 0, abort: null, items: [], active: -1 };

function currentWord(input) {
  const upTo = input.value.slice(0, input.selectionStart ?? input.value.length);
  const match = /(\S+)$/.exec(upTo);
  return match ? match[1] : '';
}

function closeSuggestions() {
  suggest.items = [];
  suggest.active = -1;
  $('#suggestions').hidden = true;
  $('#search-input').setAttribute('aria-expanded', 'false');
}

function renderSuggestions() {
  const list = $('#suggestions');
  list.replaceChildren(...suggest.items.map((s, i) => el('li', {
    id: `suggestion-${i}`, role: 'option', class: `suggestion suggestion-${s.kind}`, 'aria-selected': String(i === suggest.active),
    onmousedown: (e) => { e.preventDefault(); acceptSuggestion(i); },
  }, el('span', { class: 'suggestion-kind' }, s.kind), ` ${s.text}`)));
  list.hidden = suggest.items.length === 0;
  $('#search-input').setAttribute('aria-expanded', String(!list.hidden));
}

function acceptSuggestion(index) {
  const s = suggest.items[index];
  const input = $('#search-input');
  if (!s) return;
  const end = input.selectionStart ?? input.value.length;
  const word = currentWord(input);
  const before = input.value.slice(0, end - word.length);
  const insert = s.insert.endsWith(':') ? s.insert : `${s.insert} `;
  input.value = before + insert + input.value.slice(end);
  const caret = before.length + insert.length;
  input.setSelectionRange(caret, caret);
  closeSuggestions();
  input.focus();
  if (s.insert.endsWith(':')) requestSuggestions();
}

function requestSuggestions() {
  clearTimeout(suggest.timer);
  suggest.timer = setTimeout(async () => {
    const word = currentWord($('#search-input'));
    if (!state.cid || !word || word.length > 100) { closeSuggestions(); return; }
    suggest.abort?.abort();
    const controller = new AbortController();
    suggest.abort = controller;
    try {
      suggest.items = await api.suggest(state.cid, word, controller.signal);
      suggest.active = -1;
      renderSuggestions();
    } catch (err) {
      if (err.name !== 'AbortError') closeSuggestions();
    }
  }, 120);
}

function searchText(text) {
  closeSuggestions();
  showPage('photos');
  text = text.trim();
  $('#search-input').value = text;
  state.view = text ? { mode: 'text', text, imageId: null, imageName: '', file: null }
    : { mode: 'browse', text: '', imageId: null, imageName: '', file: null };
  return runSearch();
}

function searchSimilar(item) {
  showPage('photos');
  $('#search-input').value = '';
  state.view = { mode: 'similar', text: '', imageId: item.id, imageName: fmt.name(item.path), file: null };
  return runSearch();
}

function searchByFile(file) {
  if (!state.cid) return;
  if (!file.type.startsWith('image/') && !/\.(jpe?g|png|gif|webp|heic|heif|tiff?|bmp|avif)$/i.test(file.name)) {
    toast(`${file.name} is not an image.`, 'error');
    return;
  }
  showPage('photos');
  $('#search-input').value = '';
  state.view = { mode: 'image', text: '', imageId: null, imageName: file.name, file };
  return runSearch();
}

function clearFilters() {
  $('#filters-panel').reset();
  clearPersonChips();
  state.filters = {};
  renderFiltersBadge();
  runSearch();
}

function readFilters() {
  const form = new FormData($('#filters-panel'));
  const f = {};
  for (const k of ['after', 'before', 'make', 'model']) {
    const v = String(form.get(k) || '').trim();
    if (v) f[k] = v;
  }
  for (const k of ['min_width', 'max_width', 'min_height', 'max_height']) {
    const v = parseInt(form.get(k), 10);
    if (Number.isFinite(v) && v > 0) f[k] = v;
  }
  const score = parseFloat(form.get('min_score'));
  if (Number.isFinite(score)) f.min_score = score;
  const formats = form.getAll('format');
  if (formats.length) f.format = formats;
  if (form.get('gps')) f.gps = true;
  const persons = selectedPersonChips();
  if (persons.length) f.persons = persons;
  if (persons.length > 1 && form.get('person_match') === 'any') f.person_match = 'any';
  const colors = form.getAll('color');
  if (colors.length) f.color = colors;
  if (state.filters.bbox) f.bbox = state.filters.bbox;  // set on the map page, kept until cleared
  return f;
}

async function refreshStats() {
  const cid = state.cid;
  if (!cid) return;
  try {
    const s = await api.stats(cid);
    if (cid !== state.cid) return;
    const wasPending = state.stats ? pendingCount() : 0;
    state.stats = s;
    renderStats();
    // Newly indexed photos (and their thumbnails) appear without a manual reload.
    if (wasPending > 0 && pendingCount() === 0 && state.view.mode === 'browse' && state.items.length <= api.pageSize && !state.loading) {
      runSearch();
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) handleError(err);
    // Stats are a nicety: keep quiet about other failures.
  }
}

// Polls jobs and stats: every 2 s while something is running, else every 15 s.
function startPolling() {
  clearTimeout(state.pollTimer);
  const tick = async () => {
    if (!api.token) return;
    await Promise.all([refreshJobs(), refreshStats()]);
    const busy = [...state.jobs.values()].some((j) => j.state === 'queued' || j.state === 'running') || pendingCount() > 0 || state.stats?.activeJobs > 0 || state.uploading;
    state.pollTimer = setTimeout(tick, document.hidden ? 30000 : busy ? 2000 : 15000);
  };
  tick();
}

async function refreshJobs() {
  let jobs;
  try { jobs = await api.jobs(); } catch (err) { if (err instanceof ApiError && err.status === 401) handleError(err); return; }
  let finished = false;
  for (const job of jobs) {
    const prev = state.jobs.get(job.id);
    const active = job.state === 'queued' || job.state === 'running';
    if (active || prev) {
      if (prev && (prev.state === 'queued' || prev.state === 'running') && !active) {
        finished = true;
        if (job.state === 'failed') toast(`Job failed: ${job.error?.message ?? job.error ?? 'unknown error'}`, 'error', 8000);
        else if (job.state === 'completed') {
          toast(`${jobName(job)} finished`);
          setTimeout(() => { state.jobs.delete(job.id); renderJobs(); }, 8000);
        }
      }
      state.jobs.set(job.id, job);
    }
  }
  renderJobs();
  if (finished) {
    api.collections().then((c) => { state.collections = c; renderCollections(); }).catch(() => {});
    if (state.view.mode === 'browse' && state.items.length <= api.pageSize) runSearch();
    personsChanged(); // indexing and face jobs find and group faces
  }
}

async function cancelJob(id) {
  try { await api.cancelJob(id); await refreshJobs(); } catch (err) { handleError(err, 'Cancel failed'); }
}

async function uploadFiles(fileList) {
  const files = [...fileList].filter((f) => f.size > 0);
  if (!files.length || !state.cid) return;
  if (state.uploading) { toast('An upload is already in progress.'); return; }
  // Several requests of at most 20 files / 64 MB each, so one huge request doesn't hit the server's limits.
  const batches = [];
  let batch = [];
  let bytes = 0;
  for (const f of files) {
    if (batch.length && (batch.length >= 20 || bytes + f.size > 64 * 1024 * 1024)) { batches.push(batch); batch = []; bytes = 0; }
    batch.push(f);
    bytes += f.size;
  }
  batches.push(batch);

  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  let sentBefore = 0;
  let added = 0;
  const failed = [];
  const cid = state.cid;
  state.uploading = true;
  const bar = $('#upload-bar');
  const label = $('#upload-label');
  $('#upload-progress').hidden = false;
  $('#upload-button').disabled = true;
  try {
    for (const b of batches) {
      const form = new FormData();
      for (const f of b) form.append(api.uploadField, f, f.name);
      const batchBytes = b.reduce((n, f) => n + f.size, 0);
      const res = await api.upload(api.paths.uploads(cid), form, (loaded, total) => {
        const pct = Math.min(100, Math.round(((sentBefore + (loaded / total) * batchBytes) / totalBytes) * 100));
        bar.value = pct;
        label.textContent = `Uploading ${files.length} photo${files.length > 1 ? 's' : ''}… ${pct}%`;
      });
      sentBefore += batchBytes;
      added += (res.images ?? res.uploaded ?? []).length;
      failed.push(...(res.rejected ?? res.failed ?? res.errors ?? []));
    }
    label.textContent = 'Upload complete';
    bar.value = 100;
    toast(`Uploaded ${added} photo${added === 1 ? '' : 's'}${failed.length ? `, ${failed.length} failed` : ''}.`);
    for (const f of failed.slice(0, 3)) toast(`${f.file_name ?? f.name ?? 'file'}: ${f.reason ?? f.error?.message ?? f.error ?? 'failed'}`, 'error', 8000);
  } catch (err) {
    handleError(err, 'Upload failed');
  } finally {
    state.uploading = false;
    $('#upload-button').disabled = false;
    setTimeout(() => { if (!state.uploading) $('#upload-progress').hidden = true; }, 1500);
    if (cid === state.cid) {
      api.collections().then((c) => { state.collections = c; renderCollections(); }).catch(() => {});
      if (state.view.mode === 'browse') runSearch();
      startPolling();
    }
  }
}

// A small modal with an optional text input. `submit(value)` runs on OK and may throw to
// show an error without closing; `extra` is an optional second (danger) action.
function formDialog({ title, text, label, value = '', placeholder = '', okLabel = 'OK', danger = false, submit, extra }) {
  const dialog = $('#form-dialog');
  const input = $('#fd-input');
  const err = $('#fd-error');
  const ok = $('#fd-ok');
  const extraBtn = $('#fd-extra');
  $('#fd-title').textContent = title;
  $('#fd-text').textContent = text || '';
  $('#fd-text').hidden = !text;
  $('#fd-label').textContent = label || '';
  $('#fd-label').hidden = !label;
  input.hidden = !label;
  input.value = value;
  input.placeholder = placeholder;
  err.hidden = true;
  ok.textContent = okLabel;
  ok.className = `btn ${danger ? 'danger' : 'primary'}`;
  extraBtn.hidden = !extra;
  if (extra) extraBtn.textContent = extra.label;

  const run = async (fn) => {
    ok.disabled = extraBtn.disabled = true;
    try {
      await fn(input.value.trim());
      dialog.close();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) { dialog.close(); handleError(e); return; }
      err.textContent = e.message || String(e);
      err.hidden = false;
    } finally {
      ok.disabled = extraBtn.disabled = false;
    }
  };
  $('#fd-form').onsubmit = (e) => { e.preventDefault(); run(submit); };
  extraBtn.onclick = extra ? () => run(extra.run) : null;
  $('#fd-cancel').onclick = () => dialog.close();
  dialog.showModal();
  (label ? input : ok).focus();
  if (label) input.select();
}

function newCollection() {
  formDialog({
    title: 'New collection', label: 'Name', placeholder: 'e.g. Family photos', okLabel: 'Create',
    submit: async (name) => {
      if (!name) throw new Error('Please enter a name.');
      const c = await api.createCollection(name);
      await loadCollections(c.id);
      toast(`Created “${name}”`);
    },
  });
}

function editCollection() {
  const c = state.collections.find((x) => x.id === state.cid);
  if (!c) return;
  formDialog({
    title: 'Collection settings', label: 'Name', value: c.name, okLabel: 'Rename',
    submit: async (name) => {
      if (!name) throw new Error('Please enter a name.');
      await api.renameCollection(c.id, name);
      await loadCollections(c.id);
    },
    extra: {
      label: 'Delete…',
      run: async () => {
        setTimeout(() => formDialog({
          title: `Delete “${c.name}”?`, okLabel: 'Delete collection', danger: true,
          text: 'This removes the collection and its index. Uploaded originals are deleted; files added from server folders stay on disk.',
          submit: async () => {
            await api.deleteCollection(c.id);
            localStorage.removeItem(api.collectionKey);
            await loadCollections();
            toast(`Deleted “${c.name}”`);
          },
        }), 0);
      },
    },
  });
}

function addFolder() {
  formDialog({
    title: 'Add a server folder', label: 'Folder path on the server', placeholder: '/srv/photos/2024', okLabel: 'Add folder',
    text: 'The server indexes the folder in the background. The path must be under one of the configured allowed roots.',
    submit: async (path) => {
      if (!path) throw new Error('Please enter a path.');
      const job = await api.addFolder(state.cid, path);
      if (job?.id !== undefined) { state.jobs.set(job.id, { state: 'queued', kind: 'index_folder', roots: [path], ...job }); renderJobs(); }
      toast('Folder queued for indexing');
      startPolling();
    },
  });
}

// --- Lightbox ---

async function openLightbox(index) {
  const item = state.items[index];
  if (!item) return;
  state.lightboxIndex = index;
  const dialog = $('#lightbox');
  const img = $('#lb-img');
  $('#lb-title').textContent = fmt.name(item.path);
  img.alt = fmt.name(item.path);
  $('#lb-prev').disabled = index <= 0;
  $('#lb-next').disabled = index >= state.items.length - 1 && !state.hasMore;
  renderMeta({}, item);
  if (!dialog.open) { dialog.showModal(); $('#lb-close').focus(); }

  // Show the small thumbnail at once (if loaded), then the large one.
  const small = images.small.get(item.id);
  img.src = small || '';
  img.hidden = !small;
  $('#lb-spinner').hidden = false;
  images.get(item.id, 'large').then((url) => {
    if (state.lightboxIndex !== index) return;
    img.src = url;
    img.hidden = false;
  }).catch((err) => {
    if (state.lightboxIndex === index && !small) handleError(err, 'Could not load image');
  }).finally(() => { if (state.lightboxIndex === index) $('#lb-spinner').hidden = true; });

  showLightboxFaces(item, index);
  renderLightboxMarks(item, index);
  lbText.lines = [];
  renderTextBoxes();
  showLightboxText(item, index);
  showLightboxColors(item, index);
  showLightboxStack(item, index);
  try {
    const meta = await api.image(item.id);
    if (state.lightboxIndex === index) renderMeta(meta || {}, item);
  } catch (err) {
    if (state.lightboxIndex === index) handleError(err, 'Could not load details');
  }
  // Warm the neighbours.
  for (const n of [index + 1, index - 1]) if (state.items[n]) images.get(state.items[n].id, 'large').catch(() => {});
}

// The text read in the photo (OCR), one line per detected line; hidden when there is none.
async function showLightboxText(item, index) {
  const section = $('#lb-text');
  section.hidden = true;
  section.replaceChildren();
  let report;
  try {
    report = await api.imageText(state.cid, item.id);
  } catch {
    return; // OCR is optional: no text panel rather than an error
  }
  if (state.lightboxIndex !== index || !report?.lines?.length) return;
  const words = searchWords();
  const matched = report.lines.filter((line) => words.some((w) => fold(line.text).includes(w)));
  section.append(
    el('h3', { text: 'Text in the photo' }),
    ...report.lines.map((line) => el('p', {
      class: `lb-text-line${matched.includes(line) ? ' matched' : ''}`, text: line.text,
      title: `confidence ${Math.round(line.confidence * 100)}%`,
    })));
  section.hidden = false;
  lbText.lines = matched;
  renderTextBoxes();
}

// The lines of the photo's text that the search matched, outlined on the photo.
const lbText = { lines: [] };
const fold = (text) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

// The words of the text search being shown (plain words, phrases and text: values), folded.
function searchWords() {
  if (state.view.mode !== 'text') return [];
  const words = [];
  for (const m of state.view.text.matchAll(/(?:^|\s)(-?)(?:([a-z]+):)?(?:"([^"]*)"|(\S+))/gi)) {
    if (m[1] || (m[2] && m[2].toLowerCase() !== 'text')) continue;
    for (const w of fold(m[3] ?? m[4] ?? '').split(/[^\p{L}\p{N}]+/u)) if (w.length >= 2 && !['or', 'and', 'not', 'the'].includes(w)) words.push(w);
  }
  return words;
}

function renderTextBoxes() {
  const layer = $('#lb-text-boxes');
  const img = $('#lb-img');
  layer.replaceChildren();
  // An <svg> has no `hidden` property: the attribute itself is set.
  const hide = !lbText.lines.length || img.hidden || !img.naturalWidth;
  layer.toggleAttribute('hidden', hide);
  if (hide) return;
  const stage = layer.getBoundingClientRect();
  const r = img.getBoundingClientRect();
  const scale = Math.min(r.width / img.naturalWidth, r.height / img.naturalHeight);
  const w = img.naturalWidth * scale;
  const h = img.naturalHeight * scale;
  const left = r.left - stage.left + (r.width - w) / 2;
  const top = r.top - stage.top + (r.height - h) / 2;
  for (const line of lbText.lines) {
    const points = (line.box || []).map(([x, y]) => `${(left + x * w).toFixed(1)},${(top + y * h).toFixed(1)}`).join(' ');
    const polygon = document.createElementNS('http://www.w3.org/2000/svg', 'polygon');
    polygon.setAttribute('points', points);
    layer.append(polygon);
  }
}

async function stepLightbox(delta) {
  const next = state.lightboxIndex + delta;
  if (next < 0) return;
  if (next >= state.items.length) {
    if (!state.hasMore) return;
    await loadPage();
  }
  if (state.items[next]) openLightbox(next);
}

function closeLightbox() {
  const dialog = $('#lightbox');
  if (dialog.open) dialog.close();
}

async function downloadOriginal() {
  const item = state.items[state.lightboxIndex];
  if (!item) return;
  try {
    const blob = await api.blob(api.paths.original(item.id));
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: fmt.name(item.path) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  } catch (err) {
    handleError(err, 'Download failed');
  }
}

function deleteCurrentImage() {
  const index = state.lightboxIndex;
  const item = state.items[index];
  if (!item) return;
  formDialog({
    title: `Delete ${fmt.name(item.path)}?`, okLabel: 'Delete', danger: true,
    text: 'The photo is removed from the collection and its index. Uploaded originals are deleted too.',
    submit: async () => {
      await api.deleteImage(item.id);
      state.items.splice(index, 1);
      if (state.total !== null) state.total--;
      // Re-render the grid (indexes shift).
      $('#grid').replaceChildren();
      appendTiles(0);
      renderResultsChrome();
      refreshStats();
      toast('Photo deleted');
      if (state.items[index]) openLightbox(index);
      else if (state.items[index - 1]) openLightbox(index - 1);
      else closeLightbox();
    },
  });
}

/* ===================================================================== 6. EVENTS == */

function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function bindEvents() {
  $('#signin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = $('#token-input').value.trim();
    const err = $('#signin-error');
    if (!token) { err.textContent = 'Please paste your API token.'; err.hidden = false; return; }
    $('#signin-button').disabled = true;
    err.hidden = true;
    try {
      await signIn(token);
    } catch (ex) {
      api.token = null;
      showView(false);
      err.textContent = ex instanceof ApiError && (ex.status === 401 || ex.status === 403)
        ? 'That token was not accepted.' : ex.message || String(ex);
      err.hidden = false;
    } finally {
      $('#signin-button').disabled = false;
    }
  });
  $('#signout-button').addEventListener('click', () => signOut());

  $('#collection-select').addEventListener('change', (e) => {
    const c = state.collections.find((x) => String(x.id) === e.target.value);
    selectCollection(c ? c.id : null).catch((err) => handleError(err));
  });
  $('#collection-new').addEventListener('click', newCollection);
  $('#collection-edit').addEventListener('click', editCollection);

  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    searchText($('#search-input').value);
  });
  $('#search-input').addEventListener('keydown', (e) => {
    const open = !$('#suggestions').hidden;
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const n = suggest.items.length;
      suggest.active = (suggest.active + (e.key === 'ArrowDown' ? 1 : n - 1) + (suggest.active < 0 && e.key === 'ArrowUp' ? 1 : 0)) % n;
      renderSuggestions();
      e.target.setAttribute('aria-activedescendant', `suggestion-${suggest.active}`);
      return;
    }
    if (open && (e.key === 'Enter' || e.key === 'Tab') && suggest.active >= 0) {
      e.preventDefault();
      acceptSuggestion(suggest.active);
      return;
    }
    if (e.key === 'Escape' && open) { closeSuggestions(); return; }
    if (e.key === 'Escape' && e.target.value) { e.target.value = ''; if (state.view.mode !== 'browse') searchText(''); }
  });
  $('#search-input').addEventListener('input', requestSuggestions);
  $('#search-input').addEventListener('blur', () => setTimeout(closeSuggestions, 100));
  $('#semantic-weight').addEventListener('change', () => { if (state.view.mode === 'text') runSearch(); });
  $('#clear-search').addEventListener('click', () => searchText(''));
  $('#image-search-button').addEventListener('click', () => $('#image-search-input').click());
  $('#image-search-input').addEventListener('change', (e) => {
    const file = e.target.files?.[0];
    if (file) searchByFile(file);
    e.target.value = '';
  });

  $('#filters-toggle').addEventListener('click', () => {
    const panel = $('#filters-panel');
    panel.hidden = !panel.hidden;
    $('#filters-toggle').setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) panel.querySelector('input').focus();
  });
  $('#filters-panel').addEventListener('submit', (e) => {
    e.preventDefault();
    state.filters = readFilters();
    renderFiltersBadge();
    showPage('photos');
    runSearch();
  });
  $('#filters-panel').addEventListener('reset', () => setTimeout(() => {
    clearPersonChips();
    if (Object.keys(state.filters).length) clearFilters();
  }, 0));

  $('#upload-button').addEventListener('click', () => $('#upload-input').click());
  $('#upload-input').addEventListener('change', (e) => {
    uploadFiles(e.target.files);
    e.target.value = '';
  });
  $('#folder-button').addEventListener('click', addFolder);
  bindPeopleEvents();
  bindAlbumEvents();
  bindDuplicateEvents();
  bindTimelineEvents();
  bindMapEvents();
  bindColorEvents();

  // Grid: click opens the lightbox; arrow keys move between tiles.
  $('#grid').addEventListener('click', (e) => {
    const tile = e.target.closest('.tile');
    if (tile && albumsUI.selecting) toggleSelected(tile);
    else if (tile) openLightbox(Number(tile.dataset.index));
  });
  $('#grid').addEventListener('keydown', (e) => {
    const tile = e.target.closest('.tile');
    if (!tile || !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) return;
    const tiles = [...document.querySelectorAll('#grid .tile')];
    const i = tiles.indexOf(tile);
    const cols = Math.max(1, tiles.filter((t) => t.offsetTop === tiles[0].offsetTop).length);
    const target = { ArrowLeft: i - 1, ArrowRight: i + 1, ArrowUp: i - cols, ArrowDown: i + cols, Home: 0, End: tiles.length - 1 }[e.key];
    if (tiles[target]) { e.preventDefault(); tiles[target].focus(); tiles[target].scrollIntoView({ block: 'nearest' }); }
  });
  $('#load-more').addEventListener('click', () => loadPage());
  $('#show-weaker').addEventListener('click', () => { state.view = { ...state.view, all: true }; runSearch(); });
  new IntersectionObserver((entries) => {
    if (entries.some((en) => en.isIntersecting)) maybeLoadMore();
  }, { rootMargin: '600px 0px' }).observe($('#grid-sentinel'));

  // Lightbox.
  const lightbox = $('#lightbox');
  $('#lb-close').addEventListener('click', closeLightbox);
  $('#lb-img').addEventListener('load', renderTextBoxes);
  new ResizeObserver(() => renderTextBoxes()).observe(document.querySelector('.lb-stage'));
  $('#lb-prev').addEventListener('click', () => stepLightbox(-1));
  $('#lb-next').addEventListener('click', () => stepLightbox(1));
  $('#lb-similar').addEventListener('click', () => {
    const item = state.items[state.lightboxIndex];
    closeLightbox();
    if (item) searchSimilar(item);
  });
  $('#lb-download').addEventListener('click', downloadOriginal);
  $('#lb-delete').addEventListener('click', deleteCurrentImage);
  lightbox.addEventListener('keydown', (e) => {
    if (isTyping(e.target)) return;
    if (e.key === 'ArrowLeft') { e.preventDefault(); stepLightbox(-1); }
    if (e.key === 'ArrowRight') { e.preventDefault(); stepLightbox(1); }
  });
  lightbox.addEventListener('click', (e) => { if (e.target === lightbox) closeLightbox(); }); // backdrop
  lightbox.addEventListener('close', () => {
    const tile = document.querySelector(`#grid .tile[data-index="${state.lightboxIndex}"]`);
    state.lightboxIndex = -1;
    $('#lb-img').removeAttribute('src');
    lightboxFacesClosed();
    tile?.focus();
  });

  // Global keys: "/" focuses search; Esc closes the filters panel.
  document.addEventListener('keydown', (e) => {
    if (document.querySelector('dialog[open]')) return;
    if (e.key === '/' && !isTyping(e.target) && !$('#app-view').hidden) {
      e.preventDefault();
      $('#search-input').focus();
      $('#search-input').select();
    } else if (e.key === 'Escape' && !$('#filters-panel').hidden) {
      $('#filters-panel').hidden = true;
      $('#filters-toggle').setAttribute('aria-expanded', 'false');
      $('#filters-toggle').focus();
    }
  });

  // Drag and drop: one image searches by it, several are uploaded.
  let dragDepth = 0;
  const overlay = $('#drop-overlay');
  const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
  const canDrop = () => !!state.cid && !$('#app-view').hidden && !document.querySelector('dialog[open]');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e) || !canDrop()) return;
    dragDepth++;
    const n = e.dataTransfer.items?.length || 1;
    overlay.querySelector('p').textContent = n > 1 ? `Drop to upload ${n} photos to this collection` : 'Drop an image to find similar photos';
    overlay.hidden = false;
  });
  window.addEventListener('dragleave', (e) => {
    if (!hasFiles(e)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) overlay.hidden = true;
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = canDrop() ? 'copy' : 'none';
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth = 0;
    overlay.hidden = true;
    if (!canDrop()) return;
    const files = [...e.dataTransfer.files];
    if (files.length === 1) searchByFile(files[0]);
    else if (files.length > 1) uploadFiles(files);
  });

  document.addEventListener('visibilitychange', () => { if (!document.hidden && api.token) startPolling(); });
}

/* ======================================================================= 7. BOOT == */

async function boot() {
  bindEvents();
  const narrow = window.matchMedia('(max-width: 760px)');
  const placeholder = () => { $('#search-input').placeholder = narrow.matches ? 'Search photos' : 'Search photos, e.g. “a cat on a sofa”'; };
  narrow.addEventListener('change', placeholder);
  placeholder();
  const token = localStorage.getItem(api.tokenKey);
  if (!token) { signOut(); return; }
  try {
    await signIn(token);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) signOut('Your saved token is no longer valid. Please sign in again.');
    else {
      // Server unreachable: keep the token and let the user retry.
      showView(false);
      $('#token-input').value = token;
      const e = $('#signin-error');
      e.textContent = err.message || String(err);
      e.hidden = false;
    }
  }
}

boot();
