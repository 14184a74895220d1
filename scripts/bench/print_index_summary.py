#!/usr/bin/env python3
"""Prints one line from `gallery index --json` (read on standard input): counts, rate, stage times, memory."""
import json
import sys

d = json.load(sys.stdin)
c, s = d["counts"], d["stage_seconds"]
print(
    f"indexed with embeddings: {c['added'] + c['embedded']} new, {c['unchanged']} unchanged in {d['seconds']:.1f} s "
    f"({d['files_per_second']:.1f} files/s); CPU s: read+hash {s['read_and_hash']:.1f}, thumbnails {s['thumbnails']:.1f}, "
    f"model input {s['decode_for_model']:.1f}, inference {s['inference']:.1f}, catalogue {s['catalog_writes']:.1f}; "
    f"peak RSS {d['peak_rss_bytes'] >> 20} MiB"
)
