// Smart Gallery web UI, colours: the palette of the search filters (a swatch per colour word,
// with how many photos have much of it; ticking swatches filters by them, as color:NAME does) and
// the dominant colours of the photo in the lightbox.
// Loaded before app.js and made of declarations only: api, state, el, $ and fmt come from app.js.
'use strict';

const colorsApi = {
  // {"colors": [{"name", "hex", "images"}]}
  counts: (cid) => api.request('GET', `/collections/${enc(cid)}/colors`),
  // {"image_id", "swatches": [{"hex", "share", "name"}] | null}
  palette: (id) => api.request('GET', `/images/${enc(id)}/colors`),
};

async function renderColorSwatches() {
  const cid = state.cid;
  const box = $('#color-swatches');
  if (!cid) { box.replaceChildren(); return; }
  try {
    const data = await colorsApi.counts(cid);
    if (cid !== state.cid) return;
    const chosen = new Set(state.filters.color ?? []);
    box.replaceChildren(...data.colors.map((c) => el('label', {
      class: `swatch${c.images ? '' : ' empty'}`, title: `${c.name}: ${fmt.num(c.images)} photos`,
    }, el('input', { type: 'checkbox', name: 'color', value: c.name, checked: chosen.has(c.name) }),
      el('span', { class: 'swatch-colour', style: `background:${c.hex}`, 'aria-hidden': 'true' }),
      el('span', { class: 'swatch-name', text: c.name }))));
  } catch {
    box.replaceChildren(el('p', { class: 'muted hint', text: 'Colours are not available.' }));
  }
}

// The photo's dominant colours in the lightbox; a swatch searches the photos with much of it.
async function showLightboxColors(item, index) {
  const box = $('#lb-colors');
  box.hidden = true;
  try {
    const data = await colorsApi.palette(item.id);
    if (state.lightboxIndex !== index || !data?.swatches?.length) return;
    box.replaceChildren(el('h3', { text: 'Colours' }), el('div', { class: 'lb-palette' }, ...data.swatches.map((s) => el('button', {
      class: 'lb-swatch', type: 'button', style: `background:${s.hex}; flex-grow:${Math.max(s.share, 0.05)}`,
      title: `${s.name} ${s.hex}, ${Math.round(s.share * 100)}%: photos with much ${s.name}`, 'aria-label': `${s.name}, ${Math.round(s.share * 100)}%`,
      onclick: () => { closeLightbox(); searchText(`color:${s.name}`); },
    }))));
    box.hidden = false;
  } catch {
    box.hidden = true;
  }
}

function bindColorEvents() {
  // The counts change as photos come: fresh ones each time the filters open.
  $('#filters-toggle').addEventListener('click', () => { if (!$('#filters-panel').hidden) renderColorSwatches(); });
}
