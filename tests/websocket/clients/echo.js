// A WebSocket client for tests/websocket (Node's ws package, from NODE_PATH):
//   node echo.js ADDRESS|URL [MESSAGE...]
// Connects to ws://ADDRESS/ (or the URL given: wss:// certificates are not
// checked), sends each message after the echo of the one before ("hex:00ff"
// is a binary message), prints one line per event, closes with 1000 "done".
'use strict';
const WebSocket = require('ws');
const target = process.argv[2];
const messages = process.argv.slice(3);
const url = target.includes('://') ? target : 'ws://' + target + '/';
const out = (...a) => console.log(a.join(' '));
setTimeout(() => { out('NODE TIMEOUT'); process.exit(99); }, (+process.env.WS_NODE_LIMIT || 20) * 1000).unref();

const ws = new WebSocket(url, { rejectUnauthorized: false });
function next() {
    const m = messages.shift();
    if (m === undefined) {
        ws.close(1000, 'done');
    } else if (m.startsWith('hex:')) {
        ws.send(Buffer.from(m.slice(4), 'hex'));
    } else {
        ws.send(m);
    }
}
ws.on('open', () => {
    out('open', ws._socket.getProtocol ? ws._socket.getProtocol().replace(/^TLSv1\.[23]$/, 'TLSv1.2+') : 'tcp');
    next();
});
ws.on('message', (d, binary) => {
    out('echo', binary ? 'hex:' + d.toString('hex') : d.toString());
    next();
});
ws.on('close', (code, reason) => out('close', code, reason.toString()));
ws.on('error', (e) => out('error', e.message));
