#!/usr/bin/env python3
"""Drives headless Chromium through the Smart Gallery web UI over the Chrome DevTools Protocol.

Standard library only (a tiny WebSocket client is included), so it runs offline.
Usage: browser_test.py --url http://127.0.0.1:PORT --token TOKEN --shots DIR --photos A B C
Exits 0 when every step passed; otherwise prints the failing step and exits 1.
"""
import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from urllib.parse import urlparse


class Failure(Exception):
    pass


# ------------------------------------------------------------------ WebSocket (RFC 6455) --

class WebSocket:
    def __init__(self, url):
        u = urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        path = u.path + (("?" + u.query) if u.query else "")
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise Failure("DevTools closed the WebSocket handshake")
            head += chunk
        head, self.buf = head.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise Failure(f"DevTools refused the WebSocket: {head.decode(errors='replace')}")

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(max(65536, n - len(self.buf)))
            if not chunk:
                raise Failure("the browser closed the DevTools connection (did it crash?)")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def send(self, text):
        payload = text.encode()
        n = len(payload)
        header = bytes([0x81])
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload)) if n < 4096 else _mask_fast(payload, mask)
        self.sock.sendall(header + mask + masked)

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            if b1 & 0x80:
                mask = self._read(4)
                data = _mask_fast(self._read(n), mask)
            else:
                data = self._read(n)
            if opcode == 0x8:
                raise Failure("the browser closed the DevTools connection")
            if opcode in (0x9, 0xA):
                continue
            message += data
            if b0 & 0x80:
                return message.decode()


def _mask_fast(data, mask):
    n = len(data)
    key = int.from_bytes((mask * (n // 4 + 1))[:n], "big")
    return (int.from_bytes(data, "big") ^ key).to_bytes(n, "big") if n else b""


# ---------------------------------------------------------------------- DevTools page --

class Page:
    def __init__(self, ws_url):
        self.ws = WebSocket(ws_url)
        self.next_id = 0
        self.errors = []      # console errors, exceptions, failed loads
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if "error" in msg:
                    raise Failure(f"{method} failed: {msg['error'].get('message')}")
                return msg.get("result", {})
            self._event(msg)

    def _event(self, msg):
        method, p = msg.get("method"), msg.get("params", {})
        if method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            desc = d.get("exception", {}).get("description") or d.get("text")
            self.errors.append(f"uncaught exception: {desc} ({d.get('url', '')}:{d.get('lineNumber')})")
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            self.errors.append(f"console.error: {text}")
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            e = p["entry"]
            self.errors.append(f"browser log: {e.get('text')} {e.get('url', '')}")

    def eval(self, expression, await_promise=True):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=await_promise)
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise Failure(f"script error: {d.get('exception', {}).get('description') or d.get('text')}\n  in: {expression[:200]}")
        return r.get("result", {}).get("value")

    def wait(self, expression, what, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.eval(expression)
            if value:
                return value
            time.sleep(0.15)
        raise Failure(f"timed out after {timeout}s waiting for {what}")

    def visible(self, selector, timeout=15):
        js = f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
          if (!e) return false; const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
          return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; }})()"""
        self.wait(js, f"element {selector} to be visible", timeout)

    def click(self, selector, timeout=15):
        """A real mouse click in the middle of the element (fails if it is hidden, disabled or covered)."""
        self.visible(selector, timeout)
        self.wait(f"!document.querySelector({json.dumps(selector)}).disabled", f"{selector} to be enabled", timeout)
        box = self.eval(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
          e.scrollIntoView({{block: 'center', inline: 'center'}}); const r = e.getBoundingClientRect();
          const x = r.left + r.width / 2, y = r.top + r.height / 2; const hit = document.elementFromPoint(x, y);
          return {{x, y, ok: !!hit && (hit === e || e.contains(hit)), hit: hit ? hit.outerHTML.slice(0, 120) : null}}; }})()""")
        if not box["ok"]:
            raise Failure(f"cannot click {selector}: covered by {box['hit']}")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"], button="left", clickCount=1)

    def type(self, selector, text):
        self.click(selector)
        self.call("Input.insertText", text=text)

    def key(self, key, code=None, keycode=0, text=None):
        base = {"key": key, "code": code or key, "windowsVirtualKeyCode": keycode, "nativeVirtualKeyCode": keycode}
        self.call("Input.dispatchKeyEvent", type="keyDown" if text else "rawKeyDown", text=text or "", **base)
        self.call("Input.dispatchKeyEvent", type="keyUp", **base)

    def set_files(self, selector, paths):
        root = self.call("DOM.getDocument", depth=0)["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            raise Failure(f"file input {selector} not found")
        self.call("DOM.setFileInputFiles", nodeId=node, files=[os.path.abspath(p) for p in paths])

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        print(f"  screenshot {path}")


# ------------------------------------------------------------------------- Browser --

def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        p = shutil.which(name)
        if p:
            return p
    raise Failure("chromium is not installed (apt-get install chromium)")


def launch(profile):
    args = [find_chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
            "--remote-debugging-port=0", "--remote-allow-origins=*", f"--user-data-dir={profile}",
            "--window-size=1280,900", "--lang=en-US", "about:blank"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 30
    while time.time() < deadline:
        if proc.poll() is not None:
            raise Failure(f"chromium exited at start: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        if os.path.exists(port_file) and open(port_file).read().strip():
            port = int(open(port_file).read().split()[0])
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5))
                pages = [t for t in targets if t.get("type") == "page"]
                if pages:
                    return proc, pages[0]["webSocketDebuggerUrl"]
            except OSError:
                pass
        time.sleep(0.2)
    proc.kill()
    raise Failure("chromium did not open its DevTools port within 30 s")


# ---------------------------------------------------------------------------- Steps --

def run(args):
    os.makedirs(args.shots, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="gallery-chromium-")
    proc, ws_url = launch(profile)
    step = "start"
    try:
        page = Page(ws_url)
        for domain in ("Page", "Runtime", "Log", "DOM"):
            page.call(f"{domain}.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=860, deviceScaleFactor=1, mobile=False)
        page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "light"}])
        shot = lambda name: page.screenshot(os.path.join(args.shots, name))
        count_tiles = "document.querySelectorAll('#grid .tile').length"

        def check(name):
            nonlocal step
            step = name
            print(f"step: {name}")

        check("open the page")
        page.call("Page.navigate", url=args.url + "/")
        page.visible("#signin-form", 20)
        page.eval("""window.__errorToasts = []; new MutationObserver((ms) => { for (const m of ms) for (const n of m.addedNodes)
          if (n.classList && n.classList.contains('error')) window.__errorToasts.push(n.textContent); })
          .observe(document.querySelector('#toasts'), {childList: true});""")
        shot("01-signin.png")

        check("a wrong token is refused")
        page.type("#token-input", "not-a-real-token")
        page.click("#signin-button")
        page.wait("!document.querySelector('#signin-error').hidden", "the sign-in error message")
        page.errors = [e for e in page.errors if "401" not in e]  # the refused /me call is expected

        check("sign in with the token")
        page.eval("document.querySelector('#token-input').value = ''")
        page.type("#token-input", args.token)
        page.key("Enter", "Enter", 13, "\r")
        page.visible("#app-view", 20)
        page.wait("document.querySelector('#collection-select').options.length > 0 || !document.querySelector('#results-message').hidden",
                  "the collections to load")
        if page.eval("localStorage.getItem('smartGallery.token')") != args.token:
            raise Failure("the token was not kept in localStorage")

        if page.eval("document.querySelector('#collection-select').options.length") == 0:
            check("create a collection (empty state)")
            shot("02-no-collections.png")
            page.click("#collection-new")
            page.visible("#fd-input")
            page.type("#fd-input", "Browser test")
            page.click("#fd-ok")
            page.wait("document.querySelector('#collection-select').options.length > 0", "the new collection in the picker")
            page.wait("!document.querySelector('#form-dialog').open", "the dialog to close")

        check("empty collection state")
        page.wait(f"!document.querySelector('#grid-spinner') || document.querySelector('#grid-spinner').hidden", "the first page to load")
        before = page.eval(count_tiles)
        if before == 0:
            page.visible("#results-message")
            shot("02-empty-collection.png")

        check("upload photos")
        page.set_files("#upload-input", args.photos)
        page.wait(f"{count_tiles} >= {before + len(args.photos)}", f"{len(args.photos)} new tiles after the upload", 60)
        page.wait("document.querySelector('#upload-progress').hidden", "the upload progress to finish", 30)
        # Thumbnails appear once the server made them (maybe after indexing): the UI polls and refreshes.
        page.wait(f"document.querySelectorAll('#grid .tile img.loaded').length >= {len(args.photos)}",
                  "the thumbnails of the uploaded photos", 120)
        page.wait("!/Pending|Queued|Indexing/.test(document.querySelector('#stats').textContent)", "indexing to finish", 120)
        shot("03-uploaded.png")

        if args.folder:
            check("add a server folder (admin) and follow the job")
            before = page.eval(count_tiles)
            page.click("#folder-button")
            page.visible("#fd-input")
            page.type("#fd-input", args.folder)
            page.click("#fd-ok")
            page.wait("!document.querySelector('#form-dialog').open", "the folder dialog to close (the server refused the folder?)", 15)
            page.wait("!!document.querySelector('#jobs .job')", "the job in the status bar", 15)
            shot("03b-folder-job.png")
            done = page.wait("(() => { const j = document.querySelector('#jobs .job.completed, #jobs .job.failed, #jobs .job.cancelled');"
                             " return j ? j.className + ': ' + j.textContent : ''; })()", "the folder job to finish", 180)
            if "completed" not in done:
                raise Failure(f"the folder job did not complete: {done}")
            if args.folder_count:
                page.wait(f"{count_tiles} >= {before + args.folder_count} && document.querySelector('#grid-spinner').hidden",
                          f"{args.folder_count} new tiles from the folder", 30)
                page.wait(f"document.querySelectorAll('#grid .tile img.loaded').length >= {before + args.folder_count}",
                          "the thumbnails of the folder's photos", 60)

        if args.people:
            check("People page: a person with a cover face")
            page.click("#people-button")
            page.visible("#people-view")
            page.wait("document.querySelectorAll('#people-grid .person-card .person-cover img.loaded').length > 0",
                      "a person with a loaded cover face", 30)
            shot("03c-people.png")

            check("rename a person inline")
            # The person with the most faces comes first.
            page.click("#people-grid .person-card:first-child .name-btn")
            page.wait("document.activeElement && document.activeElement.classList.contains('name-input')", "the name field", 5)
            page.eval("document.activeElement.select()")
            page.call("Input.insertText", text="Barack")
            page.key("Enter", "Enter", 13, "\r")
            page.wait("document.querySelector('#people-grid .person-card:first-child .name-btn')?.textContent === 'Barack'",
                      "the new name on the card", 10)
            stored = page.eval("api.persons(state.cid).then((list) => list.some((p) => p.name === 'Barack'))")
            if not stored:
                raise Failure("the new name was not saved on the server")

            check("a person's photos, and face boxes with names in the lightbox")
            page.click("#people-grid .person-card:first-child .person-cover")
            page.wait("/Photos of Barack/.test(document.querySelector('#results-title').textContent) && document.querySelector('#grid-spinner').hidden",
                      "the person's photos", 30)
            if page.eval(count_tiles) < 3:
                raise Failure(f"the person page shows {page.eval(count_tiles)} photos, expected at least 3")
            page.click("#grid li:first-child .tile")
            page.wait("document.querySelector('#lightbox').open && document.querySelector('#lb-img').naturalWidth > 0", "the lightbox", 30)
            page.wait("document.querySelectorAll('#lb-faces .face-box').length > 0", "face boxes over the photo", 15)
            page.wait("[...document.querySelectorAll('#lb-faces .face-label')].some((l) => l.textContent === 'Barack')",
                      "the person's name on a face box", 10)
            page.wait("!!document.querySelector('#lb-people .face-row select')", "a control to change who the face is", 10)
            box = page.eval("""(() => { const b = document.querySelector('#lb-faces .face-box').getBoundingClientRect();
              const i = document.querySelector('#lb-img').getBoundingClientRect();
              return b.width > 10 && b.height > 10 && b.left >= i.left - 1 && b.right <= i.right + 1 && b.top >= i.top - 1 && b.bottom <= i.bottom + 1; })()""")
            if not box:
                raise Failure("the face box is not drawn inside the photo")
            shot("03d-lightbox-faces.png")
            page.key("Escape", "Escape", 27)
            page.wait("!document.querySelector('#lightbox').open", "the lightbox to close", 5)

            check("filter photos by a person chip")
            page.click("#clear-search")
            page.wait("/All photos/.test(document.querySelector('#results-title').textContent) && document.querySelector('#grid-spinner').hidden", "all photos")
            page.click("#filters-toggle")
            page.click("#person-chips .person-chip")
            page.click("#filters-panel button[type=submit]")
            page.wait("document.querySelector('#grid-spinner').hidden && document.querySelector('#filters-count').textContent === '1'", "the filtered photos", 30)
            filtered = page.eval(count_tiles)
            if filtered < 3 or filtered >= page.eval("state.stats ? state.stats.total : 99"):
                raise Failure(f"the person filter shows {filtered} photos")
            page.click("#filters-panel button[type=reset]")
            page.wait("document.querySelector('#filters-count').hidden && document.querySelector('#grid-spinner').hidden", "the filters to clear", 30)
            page.click("#filters-toggle")

            check("review faces")
            page.click("#people-button")
            page.visible("#people-view")
            page.click("#people-review")
            page.wait("document.querySelectorAll('#review-grid .review-card select').length > 0", "faces to review (Joe Biden's)", 15)
            page.wait("document.querySelectorAll('#review-grid .review-card img.loaded').length > 0", "the face chips", 15)
            shot("03e-review.png")
            page.click("#people-button")
            page.visible("#results")

        check("'/' focuses the search box")
        page.eval("document.activeElement && document.activeElement.blur()")
        page.key("/", "Slash", 191, "/")
        page.wait("document.activeElement === document.querySelector('#search-input')", "the search box to have focus", 5)

        check("text search")
        page.call("Input.insertText", text=args.query)
        page.click("#search-button")
        page.wait("/Results for/.test(document.querySelector('#results-title').textContent) && document.querySelector('#grid-spinner').hidden",
                  "the search results", 60)
        n = page.eval(count_tiles)
        if n < 1:
            message = page.eval("document.querySelector('#results-message').textContent")
            raise Failure(f"the text search for {args.query!r} returned no tiles: {message}")
        if not page.eval("document.querySelectorAll('#grid .tile .score').length > 0"):
            raise Failure("semantic results show no score badges")
        page.wait("document.querySelectorAll('#grid .tile img.loaded').length > 0", "thumbnails in the results", 30)
        shot("04-search.png")

        check("the lightbox says why a result matched")
        page.click("#grid li:first-child .tile")
        page.wait("document.querySelector('#lightbox').open", "the lightbox to open")
        page.wait("/Why this result/.test(document.querySelector('#lb-meta').textContent) && /Meaning/.test(document.querySelector('#lb-meta').textContent)",
                  "the score parts in the lightbox", 15)
        page.key("Escape", "Escape", 27)
        page.wait("!document.querySelector('#lightbox').open", "the lightbox to close", 5)

        check("autocomplete in the search box")
        page.eval("document.querySelector('#search-input').value = ''")
        page.type("#search-input", "ty")
        page.wait("!document.querySelector('#suggestions').hidden && /type:/.test(document.querySelector('#suggestions').textContent)",
                  "a field suggestion for 'ty'", 10)
        page.key("ArrowDown", "ArrowDown", 40)
        page.key("Enter", "Enter", 13, "\r")
        page.wait("document.querySelector('#search-input').value === 'type:'", "the suggestion to fill the box", 5)
        shot("04b-autocomplete.png")

        check("the query language: chips for a date and a field")
        page.eval("document.querySelector('#search-input').value = ''")
        page.type("#search-input", f"{args.query} -blurry type:jpeg OR type:png")
        page.eval("document.querySelector('#search-form').requestSubmit()")
        page.wait("!document.querySelector('#query-parts').hidden && /type:jpeg OR type:png/.test(document.querySelector('#query-parts').textContent)"
                  " && /-blurry/.test(document.querySelector('#query-parts').textContent) && document.querySelector('#grid-spinner').hidden",
                  "chips for the parts of the query", 60)
        shot("04c-chips.png")
        page.eval(f"document.querySelector('#search-input').value = {json.dumps(args.query)}")
        page.eval("document.querySelector('#search-form').requestSubmit()")
        page.wait("/Results for/.test(document.querySelector('#results-title').textContent) && document.querySelector('#grid-spinner').hidden",
                  "the search results again", 60)

        if args.text_word:
            check("text in the photo: text: finds the page, the lightbox outlines the matched line")
            page.eval(f"document.querySelector('#search-input').value = {json.dumps('text:' + args.text_word)}")
            page.eval("document.querySelector('#search-form').requestSubmit()")
            page.wait(f"{count_tiles} === 1 && document.querySelector('#grid-spinner').hidden", "one photo with the word in it", 60)
            page.click("#grid li:first-child .tile")
            page.wait("document.querySelector('#lightbox').open", "the lightbox to open")
            page.wait("!!document.querySelector('.lb-text-line.matched')", "the matched line in the photo's text", 30)
            page.wait("document.querySelectorAll('#lb-text-boxes polygon').length > 0"
                      " && getComputedStyle(document.querySelector('#lb-text-boxes')).display !== 'none'",
                      "the matched line outlined on the photo", 30)
            shot("05b-text-boxes.png")
            page.key("Escape", "Escape", 27)
            page.wait("!document.querySelector('#lightbox').open", "the lightbox to close", 5)
            page.eval(f"document.querySelector('#search-input').value = {json.dumps(args.query)}")
            page.eval("document.querySelector('#search-form').requestSubmit()")
            page.wait("/Results for/.test(document.querySelector('#results-title').textContent) && document.querySelector('#grid-spinner').hidden",
                      "the search results again", 60)

        check("open the lightbox")
        page.click("#grid li:first-child .tile")
        page.wait("document.querySelector('#lightbox').open", "the lightbox to open")
        page.wait("document.querySelector('#lb-img').complete && document.querySelector('#lb-img').naturalWidth > 0 && document.querySelector('#lb-spinner').hidden",
                  "the large image in the lightbox", 30)
        page.wait("/Path/.test(document.querySelector('#lb-meta').textContent)", "the metadata (path) in the lightbox", 15)
        shot("05-lightbox.png")

        check("your tags and description in the lightbox")
        user_tags = "[...document.querySelectorAll('#lb-meta .user-tags .tag-search')].map((b) => b.textContent).join('|')"
        page.type("#lb-tag-input", "browser test, holiday")
        page.click("#lb-meta .tag-form button[type=submit]")
        page.wait(f"{user_tags} === 'browser test|holiday'", "the added tags", 15)
        page.click("#lb-meta .user-tags .tag-remove")
        page.wait(f"{user_tags} === 'holiday'", "the removed tag", 15)
        page.type("#lb-description", "Seen by the browser test")
        page.click("#lb-meta .description-form button[type=submit]")
        page.wait("/Saved/.test(document.querySelector('#lb-meta .description-form small').textContent)", "the saved description", 15)
        shot("05b-lightbox-tags.png")
        if n > 1:
            title = page.eval("document.querySelector('#lb-title').textContent")
            page.key("ArrowRight", "ArrowRight", 39)
            page.wait(f"document.querySelector('#lb-title').textContent !== {json.dumps(title)}", "ArrowRight to show the next image", 10)
            page.key("ArrowLeft", "ArrowLeft", 37)
            page.wait(f"document.querySelector('#lb-title').textContent === {json.dumps(title)}", "ArrowLeft to go back", 10)

        check("similar images")
        page.click("#lb-similar")
        page.wait("!document.querySelector('#lightbox').open", "the lightbox to close")
        page.wait("/Similar to/.test(document.querySelector('#results-title').textContent) && document.querySelector('#grid-spinner').hidden",
                  "the similar-images results", 60)
        if page.eval(count_tiles) < 1:
            raise Failure("'Similar images' returned no tiles")
        page.wait("document.querySelectorAll('#grid .tile img.loaded').length > 0", "thumbnails in the similar results", 30)
        shot("06-similar.png")

        check("Esc closes the lightbox")
        page.click("#grid li:first-child .tile")
        page.wait("document.querySelector('#lightbox').open", "the lightbox to open")
        page.key("Escape", "Escape", 27)
        page.wait("!document.querySelector('#lightbox').open", "Esc to close the lightbox", 5)

        check("drop an image to search by it")
        data = base64.b64encode(open(args.photos[-1], "rb").read()).decode()
        name = os.path.basename(args.photos[-1])
        page.eval(f"""(() => {{ const bytes = Uint8Array.from(atob({json.dumps(data)}), c => c.charCodeAt(0));
          const dt = new DataTransfer(); dt.items.add(new File([bytes], {json.dumps(name)}, {{type: 'image/jpeg'}}));
          for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, {{bubbles: true, cancelable: true, dataTransfer: dt}}));
          return true; }})()""")
        page.wait(f"document.querySelector('#results-title').textContent.includes({json.dumps(name)}) && document.querySelector('#grid-spinner').hidden",
                  "the search-by-dropped-image results", 60)
        if page.eval(count_tiles) < 1:
            raise Failure("searching by a dropped image returned no tiles")
        page.wait("document.querySelector('#drop-overlay').hidden", "the drop overlay to go away", 5)

        check("filters panel")
        page.click("#filters-toggle")
        page.visible("#filters-panel")
        shot("07-filters.png")
        page.click("#filters-toggle")

        check("favourite and rating in the lightbox")
        page.click("#grid li:first-child .tile")
        page.wait("document.querySelector('#lightbox').open && !!document.querySelector('#lb-marks .mark-favorite')", "the favourite and rating controls", 15)
        page.click("#lb-marks .mark-favorite")
        page.wait("document.querySelector('#lb-marks .mark-favorite').getAttribute('aria-pressed') === 'true'", "the photo marked as a favourite", 15)
        page.click("#lb-marks .star[data-stars='4']")
        page.wait("document.querySelectorAll('#lb-marks .star.on').length === 4", "the 4-star rating", 15)
        if "null" in page.eval("document.querySelector('#lb-marks').textContent"):
            raise Failure("the lightbox's marks row shows 'null'")
        shot("07b-lightbox-marks.png")
        page.key("Escape", "Escape", 27)
        page.wait("!document.querySelector('#lightbox').open", "the lightbox to close", 5)

        check("albums: select two photos and add them to a new album")
        page.click("#clear-search")
        page.wait("/All photos/.test(document.querySelector('#results-title').textContent) && document.querySelector('#grid-spinner').hidden", "all photos")
        page.click("#select-toggle")
        page.visible("#selection-bar")
        page.click("#grid li:nth-child(1) .tile")
        page.click("#grid li:nth-child(2) .tile")
        page.wait("document.querySelector('#selection-count').textContent === '2 selected'", "two photos selected", 5)
        shot("07c-selection.png")
        page.click("#selection-add")
        page.visible("#fd-input")
        page.type("#fd-input", "Browser album")
        page.click("#fd-ok")
        page.wait("!document.querySelector('#form-dialog').open", "the album dialog to close (the server refused?)", 15)
        page.wait("document.querySelector('#selection-bar').hidden", "the selection to end", 5)

        check("albums page: the album with its cover")
        page.click("#albums-button")
        page.visible("#albums-view")
        page.wait("[...document.querySelectorAll('#albums-grid .album-card')].some((c) => /Browser album/.test(c.textContent) && /2 photos/.test(c.textContent))",
                  "the new album with 2 photos", 15)
        page.wait("document.querySelectorAll('#albums-grid .album-cover img.loaded').length > 0", "the album's cover", 30)
        shot("07d-albums.png")

        check("an album's photos and its zip download (streamed to disk)")
        page.click("#albums-grid .album-card:first-child .album-open")
        page.wait("/Browser album/.test(document.querySelector('#results-title').textContent) && document.querySelector('#grid-spinner').hidden",
                  "the album's photos", 30)
        if page.eval(count_tiles) != 2:
            raise Failure(f"the album shows {page.eval(count_tiles)} photos, not 2")
        page.eval("""window.__zip = { bytes: 0, head: '', done: false };
          window.showSaveFilePicker = async () => ({ createWritable: async () => new WritableStream({
            write(chunk) { if (!window.__zip.bytes) window.__zip.head = String.fromCharCode(chunk[0], chunk[1]); window.__zip.bytes += chunk.length; },
            close() { window.__zip.done = true; } }) }); true""")
        page.click("#album-download")
        page.wait("window.__zip.done && window.__zip.head === 'PK' && window.__zip.bytes > 1000", "the album's zip written to the file", 30)
        shot("07e-album.png")

        check("a smart album from the search box")
        page.eval("document.querySelector('#search-input').value = 'is:favorite'")
        page.click("#album-back")
        page.visible("#albums-view")
        page.click("#albums-new-smart")
        page.visible("#fd-input")
        page.type("#fd-input", "Favourites")
        page.click("#fd-ok")
        page.wait("[...document.querySelectorAll('#albums-grid .album-card')].some((c) => /smart: is:favorite/.test(c.textContent))",
                  "the smart album in the list", 15)
        page.eval("[...document.querySelectorAll('#albums-grid .album-card')].find((c) => /Favourites/.test(c.textContent)).querySelector('button').click()")
        page.wait("/Favourites/.test(document.querySelector('#results-title').textContent) && document.querySelector('#grid-spinner').hidden",
                  "the smart album's photos", 30)
        if page.eval(count_tiles) != 1:
            raise Failure(f"the smart album is:favorite shows {page.eval(count_tiles)} photos, not 1")
        page.eval("document.querySelector('#search-input').value = ''")
        check("colour palette in the filters")
        page.click("#filters-toggle")
        page.wait("document.querySelectorAll('#color-swatches .swatch').length === 12", "the 12 colour swatches", 15)
        colour = page.wait("document.querySelector('#color-swatches .swatch:not(.empty) input')?.value || ''",
                           "a colour swatch with photos (were the uploads' colours found?)", 15)
        page.click(f"#color-swatches .swatch:has(input[value={colour}])")
        shot("07f-colour-filter.png")
        page.click("#filters-panel button[type=submit]")
        page.wait("document.querySelector('#grid-spinner').hidden", "the colour-filtered photos", 30)
        if page.eval(count_tiles) < 1:
            raise Failure(f"the colour filter {colour} found no photo, though its swatch counts some")
        page.click("#filters-panel button[type=reset]")
        page.wait("document.querySelector('#filters-count').hidden", "the filters to clear", 10)
        page.click("#filters-toggle")

        check("timeline: years, a year's photos, jump to a date")
        page.click("#timeline-button")
        page.visible("#timeline-view")
        page.wait("document.querySelectorAll('#timeline-years .timeline-year').length > 0", "the timeline's years", 20)
        page.click("#timeline-years .timeline-year .month-chip:not(:disabled)")
        page.wait("!document.querySelector('#timeline-years .timeline-days').hidden && document.querySelectorAll('.day-chip').length > 0",
                  "the days of a month", 10)
        shot("07g-timeline.png")
        year = page.eval("document.querySelector('#timeline-years .timeline-year').dataset.year")
        page.click("#timeline-years .timeline-year h3 .link")
        page.wait(f"document.querySelector('#results-title').textContent.startsWith({json.dumps(year)}) && document.querySelector('#grid-spinner').hidden",
                  "the year's photos in the grid", 20)
        if page.eval(count_tiles) < 1:
            raise Failure(f"the timeline's year {year} shows no photo")
        page.click("#timeline-button")
        page.visible("#timeline-view")
        page.eval("document.querySelector('#timeline-date').value = '1971-01-01'")
        page.click("#timeline-jump button[type=submit]")
        page.wait("!document.querySelector('#results').hidden && document.querySelector('#grid-spinner').hidden && "
                  "document.querySelectorAll('#grid .tile').length > 0", "the nearest day's photos after jumping to 1971", 20)

        check("map: clustered GPS photos over the offline outline; a marker shows its photos")
        if args.gps_photo:
            page.click("#clear-search")
            page.wait("document.querySelector('#grid-spinner').hidden", "all photos", 20)
            before = page.eval(count_tiles)
            page.set_files("#upload-input", [args.gps_photo])
            page.wait(f"{count_tiles} >= {before + 1}", "the GPS photo's tile", 60)
            page.wait("!/Pending|Queued|Indexing/.test(document.querySelector('#stats').textContent)", "indexing to finish", 120)
        page.click("#map-button")
        page.visible("#map-view")
        page.wait("!!document.querySelector('#map .leaflet-container, #map.leaflet-container')", "Leaflet to load", 20)
        page.wait("document.querySelectorAll('#map path.map-land').length > 100", "the world outline", 20)
        if args.gps_photo:
            page.wait("document.querySelectorAll('#map .map-dot, #map .marker-cluster').length > 0", "a marker", 20)
            page.wait("/photos with a location/.test(document.querySelector('#map-status').textContent)", "the map's status line", 10)
            shot("07h-map.png")
            for target, what in [("#map-area", "the area's photos"), ("#map .map-dot, #map .marker-cluster", "the marker's photos")]:
                if target != "#map-area":
                    page.click("#map-button")
                    page.wait("document.querySelectorAll('#map .map-dot, #map .marker-cluster').length > 0", "the marker again", 20)
                page.click(target)
                page.wait("!document.querySelector('#results').hidden && document.querySelector('#grid-spinner').hidden", what, 20)
                if page.eval(count_tiles) < 1:
                    raise Failure(f"{what}: no photo in the grid")
                if page.eval("document.querySelector('#filters-count').hidden"):
                    raise Failure("the map's area is not shown as a filter")
                page.click("#filters-toggle")
                page.click("#filters-panel button[type=reset]")
                page.wait("document.querySelector('#filters-count').hidden && document.querySelector('#grid-spinner').hidden",
                          "the area filter to clear", 10)
                page.click("#filters-toggle")
        else:
            shot("07h-map.png")
            page.click("#map-button")

        check("dark mode")
        if not page.eval("document.querySelector('#clear-search').hidden"):
            page.click("#clear-search")
        page.wait("/All photos/.test(document.querySelector('#results-title').textContent) && document.querySelector('#grid-spinner').hidden", "all photos")
        page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "dark"}])
        page.wait("document.querySelectorAll('#grid .tile img.loaded').length > 0", "thumbnails", 30)
        time.sleep(0.3)
        shot("08-dark.png")
        page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "light"}])

        check("duplicates: an uploaded copy is an exact duplicate; keep one, delete the copy")
        before = page.eval(count_tiles)
        page.set_files("#upload-input", [args.photos[0]])
        page.wait(f"{count_tiles} >= {before + 1}", "the copy's tile", 60)
        page.wait("!/Pending|Queued|Indexing/.test(document.querySelector('#stats').textContent)", "indexing to finish", 120)
        page.click("#duplicates-button")
        page.visible("#duplicates-view")
        page.wait("document.querySelectorAll('#dupes-list .dupe-group .dupe-thumb[src]').length >= 2",
                  "an exact group with both thumbnails", 30)
        if page.eval("document.querySelector('#dupes-tiers [data-tier=exact] .badge').textContent") != "1":
            raise Failure("the exact tier does not count one group")
        shot("08b-duplicates.png")
        check("duplicates: hide the copy, see it in the keeper's lightbox and under 'Set aside', restore it")
        keeper = page.eval("document.querySelector('#dupes-list .dupe-group:first-child input[type=radio]:checked').value")
        page.click("#dupes-list .dupe-group:first-child button[data-action=hide]")
        page.wait("document.querySelectorAll('#dupes-list .dupe-group').length === 0", "the group to be hidden", 30)
        page.click("#duplicates-button")
        page.visible("#results")
        page.wait(f"{count_tiles} === {before} && document.querySelector('#grid-spinner').hidden", "the hidden copy to leave the grid", 30)
        page.click(f'#grid .tile[data-id="{keeper}"]')
        page.wait("!document.querySelector('#lb-stack').hidden && document.querySelectorAll('#lb-stack .dupe-thumb').length === 1",
                  "the hidden copy in the keeper's lightbox", 15)
        shot("08c-lightbox-stack.png")
        page.key("Escape", "Escape", 27)
        page.wait("!document.querySelector('#lightbox').open", "the lightbox to close", 5)
        page.click("#duplicates-button")
        page.visible("#duplicates-view")
        page.click("#dupes-tiers [data-tier=aside]")
        page.wait("document.querySelectorAll('#dupes-list .dupe-group[data-keeper] .dupe-thumb[src]').length === 2",
                  "the hidden copy beside its keeper", 30)
        page.click("#dupes-list .dupe-group:first-child button[data-action=restore]")
        page.wait("document.querySelector('#dupes-tiers [data-tier=aside] .badge').textContent === '0'", "the copy restored", 30)
        page.click("#dupes-tiers [data-tier=exact]")
        page.wait("document.querySelectorAll('#dupes-list .dupe-group .dupe-thumb[src]').length >= 2", "the exact group again", 30)
        page.click("#dupes-list .dupe-group:first-child button[data-action=delete]")
        page.wait("document.querySelectorAll('#dupes-list .dupe-group').length === 0 && !document.querySelector('#dupes-message').hidden",
                  "the group to be resolved", 30)
        page.click("#duplicates-button")
        page.visible("#results")
        page.wait(f"{count_tiles} === {before} && document.querySelector('#grid-spinner').hidden", "the deleted copy to leave the grid", 30)

        check("phone-sized screen (375 px)")
        page.call("Emulation.setDeviceMetricsOverride", width=375, height=812, deviceScaleFactor=2, mobile=True)
        time.sleep(0.5)
        overflow = page.eval("document.documentElement.scrollWidth")
        if overflow > 376:
            raise Failure(f"the page is {overflow}px wide on a 375px screen (horizontal scrolling)")
        page.wait("document.querySelectorAll('#grid .tile img.loaded').length > 0", "thumbnails", 30)
        shot("09-mobile.png")
        page.click("#filters-toggle")
        page.visible("#filters-panel")
        shot("09b-mobile-filters.png")
        page.click("#filters-toggle")
        page.click("#grid li:first-child .tile")
        page.wait("document.querySelector('#lightbox').open && document.querySelector('#lb-spinner').hidden", "the lightbox on a phone", 30)
        time.sleep(0.3)
        shot("10-mobile-lightbox.png")
        page.key("Escape", "Escape", 27)
        page.wait("!document.querySelector('#lightbox').open", "the lightbox to close")
        if args.people:
            page.click("#people-button")
            page.wait("document.querySelectorAll('#people-grid .person-card img.loaded').length > 0", "the People page on a phone", 15)
            time.sleep(0.3)
            overflow = page.eval("document.documentElement.scrollWidth")
            if overflow > 376:
                raise Failure(f"the People page is {overflow}px wide on a 375px screen")
            shot("11-mobile-people.png")
            page.click("#people-button")
        page.click("#timeline-button")
        page.wait("document.querySelectorAll('#timeline-years .timeline-year').length > 0", "the timeline on a phone", 15)
        overflow = page.eval("document.documentElement.scrollWidth")
        if overflow > 376:
            raise Failure(f"the timeline is {overflow}px wide on a 375px screen")
        shot("11b-mobile-timeline.png")
        page.click("#timeline-button")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=860, deviceScaleFactor=1, mobile=False)

        check("sign out")
        page.click("#signout-button")
        page.visible("#signin-form")
        if page.eval("localStorage.getItem('smartGallery.token')"):
            raise Failure("sign-out left the token in localStorage")

        step = "no errors"
        toasts = page.eval("window.__errorToasts") or []
        problems = page.errors + [f"error toast: {t}" for t in toasts]
        if problems:
            raise Failure("errors while using the page:\n    " + "\n    ".join(problems))
        print(f"browser test: all steps passed; screenshots in {args.shots}")
    except Failure as e:
        try:
            page.screenshot(os.path.join(args.shots, "failure.png"))
            if page.errors:
                print("console errors so far:\n    " + "\n    ".join(page.errors), file=sys.stderr)
        except Exception:
            pass
        print(f"browser test FAILED at step '{step}': {e}", file=sys.stderr)
        return 1
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--url", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--shots", required=True)
    p.add_argument("--query", default="a cat")
    p.add_argument("--photos", nargs="+", required=True)
    p.add_argument("--folder", help="a server folder (under an allowed root) to add with 'Add folder'")
    p.add_argument("--folder-count", type=int, default=0, help="how many photos that folder adds")
    p.add_argument("--people", action="store_true", help="the folder holds face photos: check the People page")
    p.add_argument("--text-word", help="a word printed in one of the folder's photos: check text: search and its boxes")
    p.add_argument("--gps-photo", help="a photo with a GPS position to upload for the map step")
    args = p.parse_args()
    args.url = args.url.rstrip("/")
    try:
        sys.exit(run(args))
    except Failure as e:
        print(f"browser test FAILED: {e}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
