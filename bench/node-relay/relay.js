// The second baseline of scripts/bench (issue 11): the relay a team might write on Node's `ws`
// package instead of using Beckon. It speaks exactly what beckon-load-relay speaks
// (crates/beckon-load/src/bin/relay.rs): customers connect to /c/<n>?rep=<r>, representatives
// to /rep?id=<r>; a customer's `chat` goes to its representative as an `event`, and whatever a
// representative sends with "to": "<n>" goes to customer <n> unchanged. No sign-in, no
// storage, no routing.
'use strict';
const http = require('node:http');
const { WebSocketServer } = require('ws');

const [host, port] = (process.argv[2] || '127.0.0.1:0').split(':');
const peers = new Map();
const server = http.createServer((_, res) => { res.writeHead(404); res.end(); });
const wss = new WebSocketServer({ server, perMessageDeflate: false });

wss.on('connection', (ws, req) => {
  const url = new URL(req.url, 'http://relay');
  const m = url.pathname.match(/^\/c\/(\d+)$/);
  const me = m ? `c${m[1]}` : `r${url.searchParams.get('id') || '0'}`;
  const rep = m ? `r${url.searchParams.get('rep')}` : null;
  peers.set(me, ws);
  const sendTo = (who, text) => { const p = peers.get(who); if (p) p.send(text); };
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let v;
    try { v = JSON.parse(data.toString()); } catch { return; }
    if (rep) {
      if (v.type === 'hello') sendTo(me, '{"type":"welcome"}');
      else if (v.type === 'ping') sendTo(me, '{"type":"pong"}');
      else if (v.type === 'chat') {
        sendTo(rep, JSON.stringify({ type: 'event', kind: 'chat_message', from: 'customer', lsid: me.slice(1), body: { text: v.text } }));
      }
    } else if (typeof v.to === 'string') sendTo(`c${v.to}`, data.toString());
    else if (v.type === 'ping') sendTo(me, '{"type":"pong"}');
  });
  ws.on('close', () => { if (peers.get(me) === ws) peers.delete(me); });
  ws.on('error', () => {});
});

server.listen(Number(port), host, () => {
  console.log(`listening on http://${host}:${server.address().port}`);
});
