// Smart Gallery web UI, map: the collection's GPS photos as clustered markers (Leaflet and its
// marker-cluster plugin from Debian, served by the server, loaded on first use) over an offline
// world outline, or the configured tile server. A cluster or a marker shows its photos in the
// grid; "Photos in this area" (or shift-drag a box) filters the grid by the box (bbox=). The
// markers follow the filters in force. Photos at (0,0) or out of range are not placed, and said so.
// Loaded before app.js and made of declarations only: api, state, el, $, fmt, toast, handleError,
// runSearch, showPage and filtersToQuery come from app.js and people.js when these run.
'use strict';

const mapApi = {
  // {"tile_url"|null, "attribution"|null, "outline"|null, "leaflet": bool}
  settings: () => api.request('GET', '/map'),
  // {"markers": [[id, lat, lon]], "total", "truncated", "unplaceable"}
  markers: (cid, filters) => api.request('GET', `/collections/${enc(cid)}/map/markers`, { query: { ...filtersToQuery({ ...filters, bbox: undefined }) } }),
};

const mapState = { map: null, cluster: null, loading: null, settings: null };

// Loads Leaflet's scripts and styles from /vendor/leaflet once.
function loadLeaflet() {
  if (!mapState.loading) {
    mapState.loading = (async () => {
      for (const css of ['leaflet.css', 'MarkerCluster.css', 'MarkerCluster.Default.css']) {
        document.head.append(el('link', { rel: 'stylesheet', href: `/vendor/leaflet/${css}` }));
      }
      for (const js of ['leaflet.js', 'leaflet.markercluster.js']) {
        await new Promise((resolve, reject) => {
          document.head.append(el('script', { src: `/vendor/leaflet/${js}`, onload: resolve, onerror: () => reject(new Error(`${js} did not load`)) }));
        });
      }
    })();
    mapState.loading.catch(() => { mapState.loading = null; });
  }
  return mapState.loading;
}

function mapMessage(kind, title, text) {
  const box = $('#map-message');
  box.className = `message ${kind}`;
  box.replaceChildren(el('h3', { text: title }), text ? el('p', { text }) : null);
  box.hidden = !title;
}

async function renderMap() {
  const cid = state.cid;
  mapMessage('', '');
  if (!cid) return;
  try {
    mapState.settings = mapState.settings ?? await mapApi.settings();
    if (!mapState.settings.leaflet) {
      mapMessage('error', 'The map needs Leaflet', 'Install Debian’s libjs-leaflet and libjs-leaflet.markercluster on the server (scripts/setup.sh does).');
      return;
    }
    await loadLeaflet();
    if (!mapState.map) createMap();
    mapState.map.invalidateSize();
    $('#map-status').textContent = 'Loading photos…';
    const data = await mapApi.markers(cid, state.filters);
    if (cid !== state.cid) return;
    showMarkers(data);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { handleError(err); return; }
    mapMessage('error', 'Could not load the map', err.message || String(err));
  }
}

function createMap() {
  const settings = mapState.settings;
  const map = L.map('map', { worldCopyJump: true, minZoom: 1, maxZoom: 18 }).setView([20, 0], 2);
  if (settings.tile_url) {
    L.tileLayer(settings.tile_url, { attribution: settings.attribution || '', maxZoom: 19 }).addTo(map);
  }
  if (settings.outline) {
    fetch(settings.outline).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)))).then((world) => {
      L.geoJSON(world, { interactive: false, style: { className: 'map-land', weight: 1 } }).addTo(map).bringToBack();
    }).catch(() => toast('The world outline is not installed: the map shows the markers only.', 'error'));
  }
  mapState.cluster = L.markerClusterGroup({ zoomToBoundsOnClick: false, showCoverageOnHover: true, chunkedLoading: true });
  mapState.cluster.on('clusterclick', (e) => showArea(e.layer.getBounds(), `${fmt.num(e.layer.getChildCount())} photos on the map`));
  map.addLayer(mapState.cluster);
  // Shift-drag draws a box: its photos.
  map.on('boxzoomend', (e) => showArea(e.boxZoomBounds, 'Photos in the box'));
  mapState.map = map;
}

function showMarkers(data) {
  const cluster = mapState.cluster;
  cluster.clearLayers();
  const dot = L.divIcon({ className: 'map-dot', iconSize: [12, 12] });
  cluster.addLayers(data.markers.map(([, lat, lon]) => L.marker([lat, lon], { icon: dot, keyboard: false })
    .on('click', (e) => showArea(L.latLngBounds([e.latlng]), 'A photo on the map'))));
  const parts = [`${fmt.num(data.total)} photos with a location`];
  if (data.truncated) parts.push(`the newest ${fmt.num(data.markers.length)} shown`);
  if (data.unplaceable) parts.push(`${fmt.num(data.unplaceable)} with GPS at (0,0) or out of range not placed`);
  $('#map-status').textContent = parts.join(' · ');
  // The offline outline (1:110m) says little closer than a country; tiles can go nearer.
  const maxZoom = mapState.settings.tile_url ? 12 : 5;
  if (data.markers.length) mapState.map.fitBounds(cluster.getBounds(), { maxZoom, padding: [24, 24], animate: false });
}

// `WEST,SOUTH,EAST,NORTH` of Leaflet bounds, longitudes wrapped into -180...180 (a box wider
// than the world is the whole world).
function bboxOf(bounds) {
  const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
  const wrap = (lon) => (lon >= -180 && lon <= 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180);
  const west = bounds.getWest();
  const east = bounds.getEast();
  const south = clamp(bounds.getSouth(), 90);
  const north = clamp(bounds.getNorth(), 90);
  const pad = 1e-6;  // a single marker's box still holds it
  if (east - west >= 360) return [-180, south - pad, 180, north + pad].map((v) => +v.toFixed(6)).join(',');
  return [wrap(west) - pad, Math.max(-90, south - pad), wrap(east) + pad, Math.min(90, north + pad)]
    .map((v, i) => +(i % 2 === 0 ? clamp(v, 180) : v).toFixed(6)).join(',');
}

// The grid with the photos of a box of the map (the filters in force apply too).
function showArea(bounds, title) {
  state.filters = { ...state.filters, bbox: bboxOf(bounds) };
  renderFiltersBadge();
  showPage('photos');
  $('#search-input').value = '';
  state.view = { mode: 'browse', text: '', imageId: null, imageName: '', file: null };
  toast(`${title}: the area is a filter until you clear the filters.`);
  return runSearch();
}

function bindMapEvents() {
  $('#map-button').addEventListener('click', () => showPage(state.page === 'map' ? 'photos' : 'map'));
  $('#map-area').addEventListener('click', () => mapState.map && showArea(mapState.map.getBounds(), 'Photos in this area'));
}
