'use strict';
// Duplicates page: the collection's duplicate groups in three tiers (exact copies,
// near-identical versions, similar shots). Pick the photo to keep (the server's default keeper
// is preselected), then hide, stack or delete the others; their tags and descriptions go to the
// keeper. Originals from server folders are deleted only with the explicit checkbox, and then
// wait in the trash. The "Set aside" tab lists the photos hidden or stacked under a keeper and
// brings them back; the lightbox of a keeper shows what is set aside under it. Uses app.js's
// api, el, icon, fmt, toast, handleError and state.

const dupes = {
  tier: 'exact',
  thumbs: new Map(),   // image id -> blob URL, revoked when the page is rendered again
  paths: {
    list: (cid) => `/collections/${encodeURIComponent(cid)}/duplicates`,
    counts: (cid) => `/collections/${encodeURIComponent(cid)}/duplicates/counts`,
    resolve: (cid, id) => `/collections/${encodeURIComponent(cid)}/duplicates/${encodeURIComponent(id)}/resolve`,
    trash: (cid) => `/collections/${encodeURIComponent(cid)}/trash`,
    emptyTrash: (cid) => `/collections/${encodeURIComponent(cid)}/trash/empty`,
    setAside: (cid) => `/collections/${encodeURIComponent(cid)}/set-aside`,
    restore: (cid) => `/collections/${encodeURIComponent(cid)}/set-aside/restore`,
  },
  labels: { exact: 'Exact copies', near: 'Near-identical', similar: 'Similar shots', aside: 'Set aside' },
};

function dupeThumb(id) {
  const img = el('img', { class: 'dupe-thumb', alt: '', loading: 'lazy' });
  const cached = dupes.thumbs.get(id);
  if (cached) img.src = cached;
  else api.blob(api.paths.thumbnail(id, 'small')).then((blob) => {
    const url = URL.createObjectURL(blob);
    dupes.thumbs.set(id, url);
    img.src = url;
  }).catch(() => img.classList.add('missing'));
  return img;
}

async function renderDuplicates() {
  const cid = state.cid;
  if (cid === null || cid === undefined) return;
  for (const url of dupes.thumbs.values()) URL.revokeObjectURL(url);
  dupes.thumbs.clear();
  const aside = dupes.tier === 'aside';
  let counts, page, trash, setAside;
  try {
    [counts, page, trash, setAside] = await Promise.all([
      api.request('GET', dupes.paths.counts(cid)),
      aside ? null : api.request('GET', dupes.paths.list(cid), { query: { tier: dupes.tier, limit: 50 } }),
      api.request('GET', dupes.paths.trash(cid)),
      api.request('GET', dupes.paths.setAside(cid)),
    ]);
  } catch (err) {
    handleError(err, 'Could not load duplicates');
    return;
  }
  if (cid !== state.cid || state.page !== 'duplicates') return;
  const keepers = new Map();   // keeper id -> the photos set aside under it
  for (const photo of setAside.photos) keepers.set(photo.keeper_id, [...(keepers.get(photo.keeper_id) ?? []), photo]);
  counts.aside = keepers.size;
  if (aside) page = { total: keepers.size, groups: [] };
  $('#dupes-tiers').replaceChildren(...Object.keys(dupes.labels).map((tier) => el('button', {
    class: 'btn small', type: 'button', 'aria-pressed': String(tier === dupes.tier), 'data-tier': tier,
    onclick: () => { dupes.tier = tier; renderDuplicates(); },
  }, `${dupes.labels[tier]} `, el('span', { class: 'badge', text: fmt.num(counts[tier] ?? 0) }))));
  const files = trash.files ?? [];
  const empty = $('#dupes-empty-trash');
  empty.hidden = files.length === 0;
  empty.textContent = `Empty trash (${fmt.num(files.length)})`;
  $('#dupes-title').textContent = `Duplicates · ${dupes.labels[dupes.tier]} · ${fmt.num(page.total)}`;
  $('#dupes-list').replaceChildren(...(aside ? [...keepers].map(([keeper, photos]) => setAsideCard(keeper, photos))
    : page.groups.map(dupeGroupCard)));
  const message = $('#dupes-message');
  message.hidden = page.total > 0;
  message.className = 'message empty';
  message.replaceChildren(el('h3', { text: `No ${dupes.labels[dupes.tier].toLowerCase()}` }),
    el('p', { text: 'Groups appear when indexing finds photos alike; each new photo is compared with the collection.' }));
}

function dupeGroupCard(group) {
  const name = `keep-${group.id}`;
  const members = group.members.map((m) => el('label', { class: 'dupe-member', 'data-image': String(m.image_id) },
    dupeThumb(m.image_id),
    el('span', { class: 'dupe-keep' },
      el('input', { type: 'radio', name, value: String(m.image_id), checked: m.image_id === group.keeper_id }), ' Keep'),
    el('span', { class: 'dupe-facts muted' },
      [m.width && m.height ? `${m.width}×${m.height}` : null, fmt.bytes(m.file_size), m.taken_at ? fmt.date(m.taken_at) : null]
        .filter(Boolean).join(' · ')),
    el('span', { class: 'dupe-path', title: m.path, text: fmt.name(m.path) })));
  const originals = el('input', { type: 'checkbox', class: 'dupe-originals' });
  const act = (action) => resolveDuplicateGroup(group, card, action, originals.checked);
  const actions = [
    el('button', { class: 'btn small', type: 'button', 'data-action': 'hide', onclick: () => act('hide') }, 'Keep one, hide others'),
    el('button', { class: 'btn small', type: 'button', 'data-action': 'stack', onclick: () => act('stack') }, 'Stack'),
  ];
  if (group.tier !== 'similar') {
    actions.push(el('button', { class: 'btn small danger', type: 'button', 'data-action': 'delete', onclick: () => act('delete') },
      'Delete others'));
    actions.push(el('label', { class: 'check-inline' }, originals, ' also originals from folders (to the trash)'));
  }
  const card = el('li', { class: 'dupe-group', 'data-group': group.id },
    el('div', { class: 'dupe-members' }, members),
    el('div', { class: 'page-toolbar dupe-actions' }, actions));
  return card;
}

function setAsideCard(keeper, photos) {
  const restore = async () => {
    try {
      const done = await api.request('POST', dupes.paths.restore(state.cid), { body: { image_ids: [keeper] } });
      toast(`Restored ${done.restored} photo${done.restored === 1 ? '' : 's'}`);
      runSearch(); // the photo grid behind this page shows them again
    } catch (err) {
      handleError(err, 'Could not restore the photos');
    }
    renderDuplicates();
  };
  const member = (id, label) => el('div', { class: 'dupe-member', 'data-image': String(id) }, dupeThumb(id),
    el('span', { class: 'dupe-facts muted', text: label }));
  return el('li', { class: 'dupe-group', 'data-keeper': String(keeper) },
    el('div', { class: 'dupe-members' }, member(keeper, 'kept'),
      photos.map((p) => member(p.image_id, p.action === 'stack' ? 'stacked' : 'hidden'))),
    el('div', { class: 'page-toolbar dupe-actions' },
      el('button', { class: 'btn small', type: 'button', 'data-action': 'restore', onclick: restore }, 'Restore')));
}

// In the lightbox: the duplicates set aside under this photo (hidden or stacked), with a way
// to bring them back; hidden when there are none.
async function showLightboxStack(item, index) {
  const box = $('#lb-stack');
  box.hidden = true;
  let photos;
  try {
    photos = (await api.request('GET', dupes.paths.setAside(state.cid))).photos.filter((p) => p.keeper_id === item.id);
  } catch {
    return;
  }
  if (state.lightboxIndex !== index || photos.length === 0) return;
  const stacked = photos.every((p) => p.action === 'stack');
  const restore = async () => {
    try {
      const done = await api.request('POST', dupes.paths.restore(state.cid), { body: { image_ids: [item.id] } });
      toast(`Restored ${done.restored} photo${done.restored === 1 ? '' : 's'}`);
      box.hidden = true;
      runSearch();
    } catch (err) {
      handleError(err, 'Could not restore the photos');
    }
  };
  box.replaceChildren(
    el('h3', { text: `${stacked ? 'Stack' : 'Duplicates set aside'}: ${fmt.num(photos.length)}` }),
    el('div', { class: 'lb-stack-thumbs' }, photos.map((p) => dupeThumb(p.image_id))),
    el('button', { id: 'lb-stack-restore', class: 'btn small', type: 'button', onclick: restore }, 'Restore'));
  box.hidden = false;
}

async function resolveDuplicateGroup(group, card, action, deleteOriginals) {
  const keep = Number(card.querySelector('input[type=radio]:checked')?.value ?? group.keeper_id);
  const body = { action, keep };
  if (action === 'delete') body.delete_originals = deleteOriginals;
  try {
    const done = await api.request('POST', dupes.paths.resolve(state.cid, group.id), { body });
    const verb = { hide: 'Hid', stack: 'Stacked', delete: 'Deleted' }[done.action] ?? done.action;
    const merged = done.merged_tags.length ? `; tags merged: ${done.merged_tags.join(', ')}` : '';
    toast(`${verb} ${done.others.length} photo${done.others.length === 1 ? '' : 's'}, kept #${done.keeper_id}${merged}`);
    runSearch(); // the photo grid behind this page loses the hidden, stacked or deleted tiles
  } catch (err) {
    handleError(err, 'Could not resolve the group');
  }
  renderDuplicates();
}

async function emptyDuplicateTrash() {
  try {
    const done = await api.request('POST', dupes.paths.emptyTrash(state.cid));
    toast(`Deleted ${fmt.num(done.files.length)} file(s) from the trash for good`);
  } catch (err) {
    handleError(err, 'Could not empty the trash');
  }
  renderDuplicates();
}

function bindDuplicateEvents() {
  $('#duplicates-button').addEventListener('click', () => showPage(state.page === 'duplicates' ? 'photos' : 'duplicates'));
  $('#dupes-empty-trash').addEventListener('click', emptyDuplicateTrash);
}
