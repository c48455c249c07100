#!/usr/bin/env python3
"""Reference bytes for FilerobotBodyTest.fullEventMatchesPythonReferenceBytes.

The tree below is what FilerobotFormat should render for the test's snapshot (all fields
selected, trigger UPLOAD). Python's json.dumps with compact separators and ensure_ascii=True is
the independent reference for the byte dialect (compact, non-ASCII as lowercase backslash-u
escapes, surrogate pairs for non-BMP characters). Run: python3 generate.py
"""
import json
from collections import OrderedDict as O

body = O([
    ("trigger", "on_upload"),
    ("file", O([
        ("uuid", "1f78b9d1-98fe-53db-82a4-8c9aafb50000"),
        ("name", "\u00c9charpe de luxe.jpg"),
        ("extension", "jpg"),
        ("size", O([("bytes", 4905337), ("pretty", "4.68 MB")])),
        ("type", "image/jpeg"),
        ("info", O([("img_h", 3744), ("img_w", 5616)])),
        ("meta", O([
            ("sku", "SC04-GRLX6"),
            ("color", ["@itm_v1_70e8447c_4@"]),
            ("title", O([("en_US", "Luxury Scarf"), ("fr_FR", "\u00c9charpe de luxe")])),
            ("description", "Silk \"scarf\"\n\U0001F600"),
        ])),
        ("tags", ["scarf", "luxe"]),
        ("labels", ["hero"]),
        ("visibility", O([("value", "VISIBILITY_INHERIT"), ("actual", "VISIBILITY_PUBLIC")])),
        ("url", O([
            ("cdn", "https://fdocs.filerobot.com/api-demo/%C3%A9t%C3%A9/"
                    "%C3%89charpe%20de%20luxe.jpg?vh=123abc"),
            ("path", "/api-demo/%C3%A9t%C3%A9/%C3%89charpe%20de%20luxe.jpg"),
        ])),
        ("hash", O([("sha1", "67a13e1d12b0da04cda3a4e599d42cbc78ca7d98"), ("blurhash", None)])),
        ("created_at", "2020-04-03T14:19:02Z"),
        ("modified_at", "2020-10-27T15:37:25Z"),
        ("embedded_meta", O([("EXIF", O([("Make", "Canon"), ("FNumber", 2.8)]))])),
    ])),
])

with open("full-upload.expected.json", "w", encoding="ascii", newline="") as f:
    f.write(json.dumps(body, separators=(",", ":"), ensure_ascii=True))
