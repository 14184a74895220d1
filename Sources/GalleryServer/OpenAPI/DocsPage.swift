/// `/docs`: a self-contained page that renders `/openapi.json` (no CDN, works offline).
enum DocsPage {
    static let html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Smart Gallery API</title>
        <style>
        body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem;color:#222}
        h1{margin-bottom:.2rem} .op{border:1px solid #ddd;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}
        .m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
        .get{color:#0a6}.post{color:#06c}.patch{color:#a60}.delete{color:#c22}
        code,pre{background:#f5f5f5;border-radius:4px;padding:0 .3rem} pre{padding:.5rem;overflow:auto;font-size:13px}
        details summary{cursor:pointer} .lock{color:#888;font-size:12px}
        </style></head><body>
        <h1>Smart Gallery API</h1><p id="desc"></p><div id="ops">Loading /openapi.json…</div>
        <h2>Schemas</h2><div id="schemas"></div>
        <script>
        const esc = s => String(s).replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
        fetch('/openapi.json').then(r => r.json()).then(doc => {
          document.getElementById('desc').textContent = doc.info.description || '';
          let html = '';
          for (const path of Object.keys(doc.paths).sort()) {
            for (const [method, op] of Object.entries(doc.paths[path])) {
              const params = (op.parameters || []).map(p => `<code>${esc(p.name)}</code> (${p.in})`).join(', ');
              const body = op.requestBody ? Object.entries(op.requestBody.content).map(([t, c]) => `${esc(t)} ${esc(c.schema.$ref ? c.schema.$ref.split('/').pop() : '')}`).join(', ') : '';
              html += `<div class="op"><span class="m ${method}">${method}</span> <code>${esc(path)}</code> ${op.security ? '<span class="lock">🔒 bearer</span>' : ''}
                <div>${esc(op.summary || '')}</div>
                ${params ? `<div>Parameters: ${params}</div>` : ''}${body ? `<div>Body: ${body}</div>` : ''}
                <div>Responses: ${Object.keys(op.responses).map(esc).join(', ')}</div></div>`;
            }
          }
          document.getElementById('ops').innerHTML = html;
          document.getElementById('schemas').innerHTML = Object.entries(doc.components.schemas).map(([name, s]) =>
            `<details><summary><code>${esc(name)}</code></summary><pre>${esc(JSON.stringify(s, null, 2))}</pre></details>`).join('');
        }).catch(e => { document.getElementById('ops').textContent = 'Cannot load /openapi.json: ' + e; });
        </script></body></html>
        """
}
