#!/usr/bin/env python3
"""Python's own bytes for whole Fotoware payloads, as FotoWeb (a Python sender) would print them.

FotowarePythonPayloadTest renders SampleEvents.forPython() and writes each JSON body to
webhook-core/target/fotoware-python-input/<name>.json. This script (run offline, from the
webhook-core directory) turns each body into:
  <name>.json  json.dumps(json.loads(body))            -- Python's serialisation of that value
  <name>.form  urllib.parse.urlencode(envelope, with data replaced by json.dumps(data))
                                                       -- what requests.post(url, data=...) sends
and stores them here. The test then requires our JSON and form bodies to equal these bytes.

  python3 src/test/resources/fotoware/python/generate_python_expectations.py \
      target/fotoware-python-input src/test/resources/fotoware/python
"""
import json
import os
import sys
import urllib.parse

src, dst = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    if not name.endswith(".json"):
        continue
    with open(os.path.join(src, name), encoding="utf-8") as f:
        body = f.read()
    value = json.loads(body)
    python_json = json.dumps(value)
    form = dict(value)
    form["data"] = json.dumps(value["data"])
    python_form = urllib.parse.urlencode(form)
    stem = name[:-len(".json")]
    with open(os.path.join(dst, stem + ".json"), "w", encoding="ascii", newline="") as f:
        f.write(python_json)
    with open(os.path.join(dst, stem + ".form"), "w", encoding="ascii", newline="") as f:
        f.write(python_form)
    print("%s: json %s, form %d bytes" % (stem, "same" if python_json == body else "DIFFERS",
                                          len(python_form)))
