#!/usr/bin/env python3
"""Signature vectors for ReceiverSignaturesTest, computed with Python's hmac module so that the
Java receiver code is checked against an implementation it shares nothing with.

Run: python3 generate_receiver_vectors.py > receiver-vectors.json
"""
import base64
import hashlib
import hmac
import json

body = '{"service":"acme-media","type":"new","old":null,"new":{"url":"https://cdn.acme-media.example/a/65f1c2a9e4b0a7d3c8e90001.jpg","width":4032,"height":3024,"alt":"Båtar i hamnen"}}'
body_bytes = body.encode("utf-8")
timestamp = 1795398271

microcms_secret = "microcms-sëcret"
microcms = hmac.new(microcms_secret.encode("utf-8"), body_bytes, hashlib.sha256).hexdigest()

betterez_key = "betterez-private-key"
s = hmac.new(betterez_key.encode("utf-8"), body_bytes, hashlib.sha256).hexdigest()
s2 = hmac.new(betterez_key.encode("utf-8"), f"{timestamp}.".encode() + body_bytes,
              hashlib.sha256).hexdigest()

standard_secret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"
standard_id = "0d8c3a5e-1b2f-4c6d-9e8a-7f6b5c4d3e2f"
key = base64.b64decode(standard_secret[len("whsec_"):])
standard = base64.b64encode(hmac.new(
    key, f"{standard_id}.{timestamp}.".encode() + body_bytes, hashlib.sha256).digest()).decode()

print(json.dumps({
    "bodyBase64": base64.b64encode(body_bytes).decode(),
    "timestamp": timestamp,
    "microCms": {"secret": microcms_secret, "signature": microcms},
    "betterez": {"key": betterez_key, "header": f"t={timestamp},s={s},s2={s2}"},
    "standardWebhooks": {"secret": standard_secret, "id": standard_id,
                         "signature": "v1," + standard},
}, indent=2, ensure_ascii=False))
