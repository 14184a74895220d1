"""Sets up a fresh moto server's one IAM user, allowed every S3 action, and prints its key pair.

The server is started with INITIAL_NO_AUTH_ACTION_COUNT=3: these three IAM calls go through
unsigned, every later request is authenticated (a wrong secret is SignatureDoesNotMatch, an
unknown key InvalidAccessKeyId), as on AWS.
Usage: moto_users.py ENDPOINT   (prints "ACCESS_KEY_ID SECRET_ACCESS_KEY")
"""

import json
import sys

import boto3

POLICY = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}

iam = boto3.client(
    "iam", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="set-up", aws_secret_access_key="set-up"
)
iam.create_user(UserName="gallery")
iam.put_user_policy(UserName="gallery", PolicyName="s3", PolicyDocument=json.dumps(POLICY))
key = iam.create_access_key(UserName="gallery")["AccessKey"]
print(key["AccessKeyId"], key["SecretAccessKey"])
