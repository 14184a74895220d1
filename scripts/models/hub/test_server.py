"""A stand-in for the Hugging Face hub, for the download tests (no network here): serves the model
folders under ROOT as immich-app/NAME with the hub's two paths,

  GET /api/models/immich-app/NAME/tree/main?recursive=true   the files: size, Git blob id (oid),
                                                              and for *.onnx an LFS block (sha256)
  GET /immich-app/NAME/resolve/main/FILE                      the bytes, with Range (206, 416)

The tree is computed once at start, so a test can change a file afterwards to make it differ from
what the tree says. --cut FILE:BYTES:COUNT cuts the first COUNT transfers of FILE (a path inside
the model folder) after BYTES bytes of body, closing the connection. Each GET is logged as a JSON
line {"path", "range"} to --log. Prints the port, then serves until killed.

Usage: test_server.py --root DIR --log FILE [--cut visual/model.onnx:1000:1]
"""
import argparse
import hashlib
import json
import os
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

ORG = "immich-app"


def tree(folder):
    entries = []
    for directory, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            path = os.path.join(directory, name)
            data = open(path, "rb").read()
            relative = os.path.relpath(path, folder)
            blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
            entry = {"type": "file", "path": relative, "size": len(data), "oid": blob}
            if name.endswith(".onnx"):
                entry["lfs"] = {"oid": hashlib.sha256(data).hexdigest(), "size": len(data), "pointerSize": 134}
            entries.append(entry)
        if directory != folder:
            entries.append({"type": "directory", "path": os.path.relpath(directory, folder), "oid": "0" * 40, "size": 0})
    return entries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--cut", default=None)
    args = parser.parse_args()
    # A parent may start it with signals blocked (Foundation's Process from a test): stop on SIGTERM.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    trees = {name: tree(os.path.join(args.root, name)) for name in os.listdir(args.root)}
    cut_file, cut_bytes, cut_count = (None, 0, 0)
    if args.cut:
        cut_file, cut_bytes, cut_count = args.cut.split(":")
        cut_bytes, cut_count = int(cut_bytes), int(cut_count)
    state = {"cuts": cut_count}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def answer(self, status, body, content_type="application/json"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = unquote(urlsplit(self.path).path)
            with lock, open(args.log, "a") as log:
                log.write(json.dumps({"path": path, "range": self.headers.get("Range")}) + "\n")
            parts = path.strip("/").split("/")
            if parts[:2] == ["api", "models"] and parts[2:3] == [ORG] and parts[4:6] == ["tree", "main"]:
                if parts[3] not in trees:
                    return self.answer(404, b'{"error":"Repository not found"}')
                return self.answer(200, json.dumps(trees[parts[3]]).encode())
            if parts[:1] != [ORG] or parts[2:4] != ["resolve", "main"] or parts[1] not in trees:
                return self.answer(404, b'{"error":"Entry not found"}')
            relative = "/".join(parts[4:])
            file = os.path.join(args.root, parts[1], relative)
            if not os.path.isfile(file):
                return self.answer(404, b'{"error":"Entry not found"}')
            data = open(file, "rb").read()
            start, end, status = 0, len(data) - 1, 200
            ranged = self.headers.get("Range")
            if ranged and ranged.startswith("bytes="):
                first, _, last = ranged[6:].partition("-")
                start = int(first)
                end = min(int(last), len(data) - 1) if last else len(data) - 1
                if start >= len(data):
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(data)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status = 206
            body = data[start:end + 1]
            self.send_response(status)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            if status == 206:
                self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
            self.end_headers()
            with lock:
                cut = relative == cut_file and state["cuts"] > 0
                if cut:
                    state["cuts"] -= 1
            if cut:
                self.wfile.write(body[:cut_bytes])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    os.close(1)  # the reader waits for the end of standard output
    server.serve_forever()


if __name__ == "__main__":
    main()
