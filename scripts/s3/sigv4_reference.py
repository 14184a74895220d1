"""Reference AWS Signature V4 signatures from botocore, for the signer's unit test.

Reads a JSON list of requests on stdin and prints, for each, the Authorization header that
botocore's S3SigV4Auth computes (plus x-amz-content-sha256), as a JSON list. Each request:
  {"method", "scheme", "host", "path" (not encoded), "query": [[name, value]...],
   "headers": [[name, value]...], "body" (text, or null with "unsigned": true),
   "time": "YYYYMMDDTHHMMSSZ", "access_key", "secret_key", "token" (or null), "region"}
Run with the venv of scripts/s3/setup.sh: .cache/venv-s3/bin/python scripts/s3/sigv4_reference.py
"""

import datetime
import json
import sys
from urllib.parse import quote

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials


def sign(case):
    fixed = datetime.datetime.strptime(case["time"], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    botocore.auth.get_current_datetime = lambda: fixed
    # S3 keys are encoded once, '/' kept (botocore's REST serializer does the same).
    url = f'{case["scheme"]}://{case["host"]}{quote(case["path"], safe="/~")}'
    body = None if case.get("unsigned") else (case.get("body") or "").encode("utf-8")
    request = AWSRequest(method=case["method"], url=url, data=body, params=[tuple(p) for p in case["query"]])
    for name, value in case["headers"]:
        request.headers[name] = value
    request.headers["Host"] = case["host"]
    if case.get("unsigned"):
        request.context["client_config"] = Config(s3={"payload_signing_enabled": False})
    credentials = Credentials(case["access_key"], case["secret_key"], case.get("token"))
    botocore.auth.S3SigV4Auth(credentials, "s3", case["region"]).add_auth(request)
    return {"authorization": request.headers["Authorization"], "content_sha256": request.headers["X-Amz-Content-SHA256"]}


print(json.dumps([sign(case) for case in json.load(sys.stdin)]))
