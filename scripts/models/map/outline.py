#!/usr/bin/env python3
"""Converts Natural Earth's low-resolution country outlines (a shapefile: .shp polygons and
.dbf attributes, as geopandas 0.14 ships them) into the GeoJSON the map page draws offline.

Only the standard library: the shapefile format (ESRI white paper, 1998) is read directly.
Coordinates are rounded to 0.01 degree (about 1 km, below what 1:110m data resolves).
Usage: outline.py --shp F.shp --dbf F.dbf --source TEXT --out world.geojson
"""
import argparse
import json
import struct


def read_dbf(path):
    """The records of a dBase III file as dicts of stripped strings."""
    with open(path, "rb") as f:
        data = f.read()
    count, header_size, record_size = struct.unpack("<IHH", data[4:12])
    fields = []
    offset = 32
    while data[offset] != 0x0D:
        name = data[offset:offset + 11].split(b"\0")[0].decode("ascii")
        size = data[offset + 16]
        fields.append((name, size))
        offset += 32
    records = []
    for index in range(count):
        start = header_size + index * record_size + 1  # after the deletion flag
        record = {}
        for name, size in fields:
            record[name] = data[start:start + size].decode("utf-8", "replace").strip()
            start += size
        records.append(record)
    return records


def read_polygons(path):
    """Each shape of a polygon shapefile (type 5) as a list of rings of [lon, lat]."""
    with open(path, "rb") as f:
        data = f.read()
    if struct.unpack(">I", data[0:4])[0] != 9994:
        raise SystemExit(f"{path}: not a shapefile")
    shapes = []
    offset = 100
    while offset < len(data):
        _, length = struct.unpack(">II", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length * 2]
        offset += 8 + length * 2
        shape_type = struct.unpack("<i", body[0:4])[0]
        if shape_type == 0:
            shapes.append([])
            continue
        if shape_type != 5:
            raise SystemExit(f"{path}: shape type {shape_type}, expected polygons (5)")
        parts_count, points_count = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", body[44:44 + 4 * parts_count]))
        start = 44 + 4 * parts_count
        points = [struct.unpack("<dd", body[start + 16 * i:start + 16 * i + 16]) for i in range(points_count)]
        rings = []
        for i, first in enumerate(parts):
            last = parts[i + 1] if i + 1 < len(parts) else points_count
            ring = [[round(x, 2), round(y, 2)] for x, y in points[first:last]]
            rings.append(ring)
        shapes.append(rings)
    return shapes


def signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])) / 2


def to_geometry(rings):
    """Shapefile rings (outer clockwise, holes counter-clockwise) as a GeoJSON MultiPolygon."""
    polygons = []
    for ring in rings:
        if len(ring) < 4:
            continue
        if signed_area(ring) <= 0:  # clockwise: an outer ring
            polygons.append([ring[::-1]])  # GeoJSON (RFC 7946): outer rings counter-clockwise
        elif polygons:
            polygons[-1].append(ring[::-1])
    return {"type": "MultiPolygon", "coordinates": polygons}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shp", required=True)
    parser.add_argument("--dbf", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    shapes = read_polygons(args.shp)
    records = read_dbf(args.dbf)
    if len(shapes) != len(records) or len(shapes) < 100:
        raise SystemExit(f"{len(shapes)} shapes and {len(records)} records: not the expected country outlines")
    features = []
    for rings, record in zip(shapes, records):
        geometry = to_geometry(rings)
        if not geometry["coordinates"]:
            continue
        features.append({
            "type": "Feature",
            "properties": {"name": record.get("name", ""), "iso_a3": record.get("iso_a3", "")},
            "geometry": geometry,
        })
    document = {
        "type": "FeatureCollection",
        "source": args.source,
        "license": "Natural Earth: public domain (naturalearthdata.com)",
        "features": features,
    }
    with open(args.out, "w") as f:
        json.dump(document, f, separators=(",", ":"))
    print(f"{len(features)} countries")


if __name__ == "__main__":
    main()
