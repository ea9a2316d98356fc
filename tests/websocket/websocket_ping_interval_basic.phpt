--TEST--
Async\WebSocketServer: ping_interval pings every connection; one that never answers is dropped (onClose 1006) within three intervals, while Node's ws (it answers pings) stays connected
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
// a longer interval under valgrind/ASan, where a tick can take 100 ms
$interval = ws_pick(0.2, 0.6);
$opened = [];
$server = ws_server([
    'open' => function ($conn) use (&$opened) { $opened[$conn->id()] = Loop::now(); },
    'close' => function ($conn, $code) use (&$opened, $interval) {
        $after = Loop::now() - $opened[$conn->id()];
        echo "server: onClose ", $conn->id(), " $code";
        if ($conn->id() === 2) {
            echo ", within three intervals: ", var_export($after <= 3 * $interval + 0.05, true);
        }
        echo "\n";
    },
], ['ping_interval' => $interval]);
$addr = $server->address();

$client = <<<'JS'
const ws = new WebSocket(URL);
let pings = 0;
ws.on('ping', () => pings++);
require('readline').createInterface({ input: process.stdin }).on('line', () => {
    out('pings answered, at least 4:', pings >= 4, 'open:', ws.readyState === WebSocket.OPEN);
    ws.close();
});
ws.on('open', () => out('open'));
ws.on('close', (code) => { out('close', code); process.exit(0); });
JS;
$node = ws_node($client, $addr, [], function ($line, $node) use ($addr, $interval, $server) {
    echo "node: $line\n";
    if ($line !== 'open') {
        return;
    }
    // the raw client reads the pings and never answers
    $raw = new WsRaw($addr);
    $raw->handshake(function ($head) use ($raw) {
        $pings = 0;
        $read = function ($f) use (&$read, $raw, &$pings) {
            $pings++;
            $raw->whenFrame($read);
        };
        $raw->whenFrame($read);
        $raw->whenEof(function () use ($raw, &$pings) {
            echo "raw: EOF, got a ping first: ", var_export($pings >= 1, true), "\n";
            $raw->close();
        });
    });
    // long after the raw client was dropped, node is still there
    Loop::delay(6 * $interval, function () use ($node, $server) {
        echo "open connections: ", implode(',', array_keys($server->connections())), "\n";
        $node->tell('report');
    });
}, function ($code) use ($server) {
    echo "node exit $code\n";
    ws_stop($server);
});
Loop::run();
?>
--EXPECT--
node: open
server: onClose 2 1006, within three intervals: true
raw: EOF, got a ping first: true
open connections: 1
node: pings answered, at least 4: true open: true
server: onClose 1 1005
node: close 1005
node exit 0
