// bench/websocket: Node's `ws` server (the npm package, no bufferutil or
// utf-8-validate), echo and broadcast as in the ws README.
//   NODE_PATH=tests/websocket/node/node_modules node node-ws.js PORT
'use strict';
const { WebSocketServer, WebSocket } = require('ws');

const port = Number(process.argv[2] || 0);
const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false, backlog: 4096 });

wss.on('connection', (ws) => {
  ws.on('error', () => {});
  ws.on('message', (data, isBinary) => {
    if (data.length > 0 && data[0] === 0x42) { // "B": to every other client
      for (const client of wss.clients) {
        if (client !== ws && client.readyState === WebSocket.OPEN) {
          client.send(data, { binary: isBinary });
        }
      }
    } else {
      ws.send(data, { binary: isBinary });
    }
  });
});
wss.on('listening', () => {
  console.log(`LISTENING 127.0.0.1:${wss.address().port}`);
});
