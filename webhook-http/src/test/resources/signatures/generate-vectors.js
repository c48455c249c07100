// Generates signature-vectors.json: expected signatures computed by Node's crypto, an
// implementation independent of the JDK's, for RequestSignerTest. Run: node generate-vectors.js
// microCMS:  hex HMAC-SHA256(secret, body)                      (document.microcms.io sample)
// Betterez:  s = hex HMAC(key, body) [inferred], s2 = hex HMAC(key, t + "." + body)
// Standard Webhooks: v1,base64 HMAC(base64decode(secret without whsec_), id.t.body)
const crypto = require('crypto');
const fs = require('fs');

const body = Buffer.from('{"service":"my-service","type":"edit","old":{"url":"https://images.microcms-assets.io/assets/a/b/c.jpg","width":1200,"height":800},"new":{"url":"https://images.microcms-assets.io/assets/a/b/harbour-at-dusk.jpg","width":1200,"height":800,"alt":"港の夕暮れ"}}', 'utf8');
const hmacHex = (key, ...parts) => {
  const h = crypto.createHmac('sha256', key);
  parts.forEach(p => h.update(p));
  return h.digest('hex');
};
const microSecret = 'microcms-secret-ü';
const btrzKey = 'btrz-private-key-0123456789';
const t = 1634755434;
const swSecrets = ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_' + Buffer.alloc(32, 7).toString('base64')];
const swId = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
const sw = swSecrets.map(s => 'v1,' + crypto.createHmac('sha256', Buffer.from(s.slice(6), 'base64'))
  .update(`${swId}.${t}.`).update(body).digest('base64'));

const out = {
  bodyBase64: body.toString('base64'),
  timestamp: t,
  microCms: { secret: microSecret, signature: hmacHex(Buffer.from(microSecret, 'utf8'), body) },
  betterez: {
    key: btrzKey,
    header: `t=${t},s=${hmacHex(btrzKey, body)},s2=${hmacHex(btrzKey, `${t}.`, body)}`,
  },
  standardWebhooks: { secrets: swSecrets, id: swId, signature: sw.join(' ') },
};
fs.writeFileSync(__dirname + '/signature-vectors.json', JSON.stringify(out, null, 2) + '\n');
