--TEST--
Async\WebSocketServer: a 16 MiB message (exactly the default max_message_size) from Node's ws is received and echoed intact
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(8);
$serverMd5 = null;
$server = ws_server([
    'message' => function ($conn, $data, $binary) use (&$serverMd5) {
        $serverMd5 = md5($data);
        echo "server: ", strlen($data), " bytes, binary ", var_export($binary, true), "\n";
        $conn->sendBinary($data);
    },
    'close' => function ($conn, $code) use (&$server) {
        echo "server: onClose $code\n";
        ws_stop($server);
    },
]);

$client = <<<'JS'
const crypto = require('crypto');
const size = 16 * 1024 * 1024;
// a pseudo-random pattern with every byte value, cheap to make
const data = Buffer.alloc(size);
let x = 12345;
for (let i = 0; i < size; i += 4) { x = (x * 1103515245 + 12345) >>> 0; data.writeUInt32LE(x, i); }
const md5 = (b) => crypto.createHash('md5').update(b).digest('hex');
out('sent', data.length, md5(data));
const ws = new WebSocket(URL, { maxPayload: 64 * 1024 * 1024 });
ws.on('open', () => ws.send(data));
ws.on('message', (d, binary) => {
    out('echo', d.length, md5(d), binary);
    ws.close();
});
ws.on('close', (code) => out('close', code));
ws.on('error', (e) => out('error', e.message));
JS;
$lines = [];
ws_node($client, $server->address(), [], null, function ($code, $node) use (&$lines) {
    $lines = $node->lines;
    echo "node exit $code\n";
});
Loop::run();

// node's md5 of what it sent, the server's of what it got, node's of the echo
$sent = explode(' ', $lines[0] ?? '');
$echo = explode(' ', $lines[1] ?? '');
echo "node sent ", $sent[1] ?? '?', " bytes\n";
echo "server md5 = sent md5: ", var_export(($sent[2] ?? 1) === $serverMd5, true), "\n";
echo "echo: ", $echo[1] ?? '?', " bytes, md5 = sent md5: ", var_export(($echo[2] ?? 1) === ($sent[2] ?? 2), true), ", binary ", $echo[3] ?? '?', "\n";
echo $lines[2] ?? '', "\n";
?>
--EXPECT--
server: 16777216 bytes, binary true
server: onClose 1005
node exit 0
node sent 16777216 bytes
server md5 = sent md5: true
echo: 16777216 bytes, md5 = sent md5: true, binary true
close 1005
