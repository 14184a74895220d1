// Smart Gallery web UI, timeline: photos counted by year, month and day (one request for the
// whole collection), a period's photos in the main grid, jump to a date (the nearest day with
// photos when that one has none), and "on this day" in earlier years. Photos without a capture
// date are placed by their file's time, and the counts say how many.
// Loaded before app.js and made of declarations only: api, state, el, $, fmt, toast, images,
// handleError, runSearch and showPage come from app.js and people.js when these run.
'use strict';

const timelineApi = {
  // {"years": [{"key", "count", "file_dated", "children": [...]}], "total", "file_dated"}
  counts: (cid) => api.request('GET', `/collections/${enc(cid)}/timeline`, { query: { by: 'day' } }),
  // {"period", "total", "nearest", "photos": [{"id", "path", "day", "date_source", "taken_at", ...}]}
  photos: (cid, period, limit, offset, signal) =>
    api.request('GET', `/collections/${enc(cid)}/timeline/photos`, { query: { period, limit, offset }, signal }),
  // {"day": "MM-DD", "years": [{"year", "years_ago", "count", "photos"}]}
  memories: (cid) => api.request('GET', `/collections/${enc(cid)}/timeline/memories`, { query: { per_year: 6 } }),
};

const timeline = { cid: null, data: null };

const monthNames = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2000, i, 1)).toLocaleString(undefined, { month: 'long', timeZone: 'UTC' }));

// "2019", "July 2019" or "14 July 2019" for a period key.
function periodLabel(key) {
  const [y, m, d] = key.split('-').map(Number);
  if (!m) return String(y);
  if (!d) return `${monthNames[m - 1]} ${y}`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, { dateStyle: 'long', timeZone: 'UTC' });
}

const fileDatedNote = (n) => (n ? el('span', { class: 'file-dated', title: 'Photos without a capture date, placed by their file time' }, `${fmt.num(n)} by file time`) : null);

async function renderTimeline() {
  const cid = state.cid;
  const box = $('#timeline-years');
  const message = $('#timeline-message');
  message.hidden = true;
  if (!cid) { box.replaceChildren(); return; }
  box.replaceChildren(el('div', { class: 'spinner', role: 'status', 'aria-label': 'Loading' }));
  try {
    const [data, memories] = await Promise.all([timelineApi.counts(cid), timelineApi.memories(cid)]);
    if (cid !== state.cid) return;
    timeline.cid = cid;
    timeline.data = data;
    renderMemories(memories);
    $('#timeline-title').textContent = `Timeline · ${fmt.num(data.total)}`;
    if (!data.years.length) {
      box.replaceChildren();
      message.className = 'message empty';
      message.replaceChildren(el('h3', { text: 'No photos yet' }), el('p', { text: 'Photos appear here by the day they were taken.' }));
      message.hidden = false;
      return;
    }
    box.replaceChildren(...data.years.map(yearSection));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { handleError(err); return; }
    box.replaceChildren();
    message.className = 'message error';
    message.replaceChildren(el('h3', { text: 'Could not load the timeline' }), el('p', { text: err.message || String(err) }));
    message.hidden = false;
  }
}

// A year: its heading (shows its photos) and a strip of months; a month opens its days.
function yearSection(year) {
  const days = el('div', { class: 'timeline-days', hidden: true });
  const byMonth = new Map(year.children.map((m) => [Number(m.key.slice(5, 7)), m]));
  const months = monthNames.map((name, i) => {
    const month = byMonth.get(i + 1);
    return el('button', {
      class: 'month-chip', type: 'button', disabled: !month, 'data-period': month?.key,
      'aria-label': month ? `${name} ${year.key}: ${month.count} photos` : `${name} ${year.key}: no photos`,
      onclick: (e) => month && toggleDays(days, month, e.currentTarget),
    }, el('span', { class: 'month-name', text: name.slice(0, 3) }), el('span', { class: 'month-count', text: month ? fmt.num(month.count) : '' }));
  });
  return el('section', { class: 'timeline-year', 'data-year': year.key },
    el('h3', {}, el('button', { class: 'link', type: 'button', onclick: () => showPeriod(year.key) }, year.key),
      el('span', { class: 'muted', text: ` ${fmt.num(year.count)} photo${year.count === 1 ? '' : 's'} ` }), fileDatedNote(year.file_dated)),
    el('div', { class: 'timeline-months' }, ...months), days);
}

function toggleDays(box, month, chip) {
  const open = !box.hidden && box.dataset.month === month.key;
  for (const other of chip.parentElement.querySelectorAll('.month-chip')) other.setAttribute('aria-expanded', 'false');
  if (open) { box.hidden = true; return; }
  chip.setAttribute('aria-expanded', 'true');
  box.dataset.month = month.key;
  box.replaceChildren(
    el('button', { class: 'btn small', type: 'button', onclick: () => showPeriod(month.key) }, `All of ${periodLabel(month.key)} · ${fmt.num(month.count)}`),
    fileDatedNote(month.file_dated),
    ...month.children.slice().reverse().map((day) => el('button', {
      class: 'day-chip', type: 'button', 'data-period': day.key, title: periodLabel(day.key),
      onclick: () => showPeriod(day.key),
    }, el('span', { class: 'day-number', text: String(Number(day.key.slice(8))) }), el('span', { class: 'day-count', text: fmt.num(day.count) }))));
  box.hidden = false;
}

// The photos of a period in the main grid (newest first, paged like any other view).
function showPeriod(key) {
  showPage('photos');
  $('#search-input').value = '';
  state.view = {
    mode: 'custom', text: '', imageId: null, imageName: '', file: null, title: periodLabel(key),
    load: async (limit, offset, signal) => {
      const page = await timelineApi.photos(state.cid, key, limit, offset, signal);
      const fileDated = page.photos.filter((p) => p.date_source === 'file').length;
      if (offset === 0 && fileDated) toast(`${fileDated} of these photos have no capture date: placed by their file time.`);
      return normResults({ results: page.photos, total: page.total });
    },
  };
  return runSearch();
}

// Jump to a date: that day's photos, or the nearest day that has some.
async function jumpToDate(day) {
  if (!state.cid || !day) return;
  try {
    const page = await timelineApi.photos(state.cid, day, 1, 0);
    if (page.total > 0) return showPeriod(day);
    if (!page.nearest) { toast('No photos in this collection yet.'); return; }
    toast(`No photos on ${periodLabel(day)}: showing ${periodLabel(page.nearest)}, the nearest day with photos.`);
    return showPeriod(page.nearest);
  } catch (err) {
    handleError(err);
  }
}

function renderMemories(data) {
  const box = $('#memories');
  const years = data?.years ?? [];
  box.hidden = !years.length;
  if (!years.length) { box.replaceChildren(); return; }
  box.replaceChildren(el('h3', { text: 'On this day' }), ...years.map((year) => {
    const day = `${year.year}-${data.day}`;
    const thumbs = year.photos.map((photo) => {
      const img = el('img', { alt: fmt.name(photo.path), decoding: 'async' });
      images.get(photo.id, 'small').then((url) => { img.src = url; }).catch(() => img.classList.add('broken'));
      return img;
    });
    return el('button', { class: 'memory', type: 'button', onclick: () => showPeriod(day), 'aria-label': `${year.years_ago} years ago, ${year.count} photos` },
      el('span', { class: 'memory-label', text: `${year.years_ago} year${year.years_ago === 1 ? '' : 's'} ago · ${year.year} · ${fmt.num(year.count)}` }),
      el('span', { class: 'memory-thumbs' }, ...thumbs));
  }));
}

function bindTimelineEvents() {
  $('#timeline-button').addEventListener('click', () => showPage(state.page === 'timeline' ? 'photos' : 'timeline'));
  $('#timeline-jump').addEventListener('submit', (e) => {
    e.preventDefault();
    jumpToDate($('#timeline-date').value);
  });
}
