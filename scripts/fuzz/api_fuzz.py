"""Fuzzes the running server through its own OpenAPI document with schemathesis: every
operation gets seeded, generated requests (bodies, query strings, headers) with the path ids
replaced by real ones most of the time, so that the requests get past the 404s. Fails when any
answer is a 5xx or the server stops answering.

Usage: api_fuzz.py BASE_URL TOKEN IDS_JSON [EXAMPLES_PER_OPERATION]
IDS_JSON maps path parameter names to real ids, e.g. {"cid": 1, "id": 3}."""
import json
import sys

import hypothesis
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings

base, token, ids = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
examples = int(sys.argv[4]) if len(sys.argv) > 4 else 40
auth = {"Authorization": f"Bearer {token}"}

# Operations that would end the run (deleting the caller, revoking or rotating its token) are
# left out; every other one is fuzzed, deletes of other things included.
SKIP = [
    ("DELETE", "/api/v1/users/{id}"),
    ("DELETE", "/api/v1/tokens/{id}"),
    ("POST", "/api/v1/tokens/{id}/rotate"),
    ("DELETE", "/api/v1/collections/{cid}"),
]

schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
counts = {"cases": 0, "past_404": 0, "ok": 0, "unavailable": 0, "server_errors": 0, "operations": 0}
failures = []


def fuzz(operation):
    state = {"n": 0}

    @settings(
        max_examples=examples, derandomize=True, database=None, deadline=None,
        suppress_health_check=list(HealthCheck), phases=[hypothesis.Phase.generate])
    @given(case=operation.as_strategy())
    def run(case):
        state["n"] += 1
        # Four cases in five use real ids; the fifth keeps the generated ones.
        if case.path_parameters and state["n"] % 5:
            for name in case.path_parameters:
                if name in ids:
                    case.path_parameters[name] = ids[name]
        try:
            response = case.call(base_url=base, headers=auth, timeout=30)
        except requests.RequestException as error:
            failures.append(f"{case.method} {case.formatted_path}: no answer ({error})")
            counts["server_errors"] += 1
            return
        counts["cases"] += 1
        if response.status_code not in (401, 404):
            counts["past_404"] += 1
        if response.status_code < 300:
            counts["ok"] += 1
        # 503 is the documented answer while a model a feature needs is not installed.
        if response.status_code == 503 and '"unavailable"' in response.text:
            counts["unavailable"] += 1
        elif response.status_code >= 500:
            counts["server_errors"] += 1
            failures.append(f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:200]}")

    run()


operations = [result.ok() for result in schema.get_all_operations()]
# Deletes go last, so that what they remove is there for the other operations first.
operations.sort(key=lambda operation: operation.method.upper() == "DELETE")
for operation in operations:
    if (operation.method.upper(), operation.path) in SKIP:
        continue
    counts["operations"] += 1
    fuzz(operation)

alive = requests.get(f"{base}/healthz", timeout=10).status_code == 200
print(
    f"api fuzz: {counts['cases']} cases over {counts['operations']} operations, {counts['past_404']} past 404, "
    f"{counts['ok']} answered 2xx, {counts['unavailable']} 503 unavailable, {counts['server_errors']} server errors, "
    f"server {'alive' if alive else 'DEAD'}")
for failure in failures[:20]:
    print("  " + failure)
sys.exit(0 if alive and not failures else 1)
