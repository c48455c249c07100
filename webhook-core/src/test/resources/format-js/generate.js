#!/usr/bin/env node
// Generates what a Node.js sender would put on the wire for the bodies the format tests render
// with non-ASCII, '/', quotes and control characters, plus Date.prototype.toISOString for edge
// instants. Run from this directory with `node generate.js` (node 12+); the tests read
// expected.json and never run node. Every value here is mirrored in the Java tests.
'use strict';
const fs = require('fs');

const expected = {};

// Betterez images.created: the body object a Node emitter builds, then JSON.stringify.
expected['betterez.images.created.unicode'] = JSON.stringify({
  attemptId: '20ebdb3d-85e1-47a4-a81d-7b6c7dd1a481',
  created: 1634755434,
  data: {
    _id: '5f243d100617680712e78dd7',
    accountId: '52a377ec430c7d4e220001fc',
    url: 'https://example.com/bilder/Gr\u00f6\u00dfe/\u65e5\u672c\u306e\u6e2f/\ud83d\ude00 dusk.png?w=1&h=2',
    createdBy: 'usuario/Jos\u00e9',
    updatedBy: '\u7528\u6237 "42" \\ \u2028 \t',
    createdAt: {value: new Date(Date.UTC(2021, 9, 20, 18, 42, 50, 342)).toISOString(), offset: 0},
    updatedAt: {value: new Date(Date.UTC(2021, 9, 21, 7, 0, 0, 5)).toISOString(), offset: 0},
  },
  event: 'images.created',
  id: '2e32d603-a379-46f9-9393-ba4d1859e2fe',
  livemode: false,
});

// Betterez images.deleted with a passed-through (non-ObjectId) id.
expected['betterez.images.deleted.passThroughId'] = JSON.stringify({
  attemptId: 'a/2',
  created: 1634755440,
  data: {imageId: 'bilder/\u00e9t\u00e9-1'},
  event: 'images.deleted',
  id: '2e32d603-a379-46f9-9393-ba4d1859e2fe',
  livemode: true,
});

// microCMS edit with non-ASCII alt text.
expected['microcms.edit.unicode'] = JSON.stringify({
  service: 'my-service',
  type: 'edit',
  old: {
    url: 'https://images.microcms-assets.io/assets/a/b/caf\u00e9.jpg',
    width: 1920,
    height: 1080,
    alt: 'Caf\u00e9 \u00ab\u6e2f\u00bb \ud83c\udf05 a/b "q"\n',
  },
  new: {
    url: 'https://images.microcms-assets.io/assets/a/b/caf\u00e9-2.jpg',
    width: 1920,
    height: 1080,
    alt: 'Caf\u00e9 \u00ab\u6e2f\u00bb \ud83c\udf05 a/b "q"\n',
  },
});

// Date.prototype.toISOString by epoch milliseconds (the keys), for Betterez's date objects.
const iso = {};
for (const ms of [0, 1634755370342, 1634755370000, -1, -62198755200000, -62198755200001,
    253402300799999, 253402300800000, 8640000000000000, -8640000000000000, 951782400000]) {
  iso[String(ms)] = new Date(ms).toISOString();
}
expected.toISOString = iso;

fs.writeFileSync('expected.json', JSON.stringify(expected, null, 1) + '\n');
