// Reference bytes for CloudEventsFormatTest.structuredEventMatchesJsonStringifyBytes.
// The object below is what CloudEventsFormat should render for the test's event; JavaScript's
// own JSON.stringify is the independent reference for the byte dialect. Run: node generate.js
const fs = require('fs');

const before = {
  id: 'a1', url: 'https://cdn.example.com/media/harbour.jpg', fileName: 'harbour.jpg',
  folder: '/marketing', mimeType: 'image/jpeg', size: 104448, width: 2976, height: 1984,
  duration: null, bitrate: null, streamingUrl: null, alt: 'The harbour', title: null,
  description: null, creators: [], tags: ['harbour'], labels: [],
  metadata: { copyright: 'ACME', keywords: ['sea', 'dusk'] },
  createdAt: '2021-10-01T08:00:00Z', modifiedAt: null, createdBy: 'user-7', modifiedBy: null,
  sha1: '67a13e1d12b0da04cda3a4e599d42cbc78ca7d98', revision: '3', thumbnailUrl: null,
  previewUrl: null, extensions: {},
};
const after = Object.assign({}, before, {
  fileName: 'hafen-über-nacht.jpg',
  metadata: { copyright: 'ACME Ltd', keywords: ['sea', 'dusk'], title: { en_US: 'Harbour', de_DE: 'Hafen' } },
  modifiedAt: '2021-10-20T18:43:54.123Z', modifiedBy: 'user-42',
  extensions: { 'acme.flags': ['reviewed', 1.5, true, null] },
});
const event = {
  specversion: '1.0',
  id: '2e32d603-a379-46f9-9393-ba4d1859e2fe',
  source: 'https://dam.example.com',
  type: 'io.mediahooks.media.updated',
  subject: 'a1',
  time: '2021-10-20T18:43:54.123Z',
  datacontenttype: 'application/json',
  data: {
    changes: ['rename', 'metadata'],
    before,
    after,
    actor: 'user-42',
    diff: [
      { field: 'fileName', before: 'harbour.jpg', after: 'hafen-über-nacht.jpg' },
      { field: 'modifiedAt', before: null, after: '2021-10-20T18:43:54.123Z' },
      { field: 'modifiedBy', before: null, after: 'user-42' },
      { field: 'metadata.copyright', before: 'ACME', after: 'ACME Ltd' },
      { field: 'metadata.title', before: null, after: { en_US: 'Harbour', de_DE: 'Hafen' } },
    ],
  },
};
fs.writeFileSync('structured-updated.expected.json', JSON.stringify(event), 'utf8');
