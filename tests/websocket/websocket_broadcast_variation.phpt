--TEST--
Async\WebSocketServer::broadcast(): 1,000 connections from one Node process all get one broadcast
--EXTENSIONS--
async
--SKIPIF--
<?php
require __DIR__ . '/../inc/ws.inc';
ws_skipif();
// 1,000 sockets here and 1,000 in node
if (function_exists('posix_getrlimit') && (posix_getrlimit()['soft openfiles'] ?? 'unlimited') !== 'unlimited'
        && (int) posix_getrlimit()['soft openfiles'] < 1100) {
    echo "skip needs 1100 open files (ulimit -n)\n";
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(8);
// 1,000 in the plain build; 250 under valgrind/ASan (USE_ZEND_ALLOC=0), ~20x slower
$count = ws_pick(1000, 250);
$opened = 0;
$server = ws_server([
    'open' => function () use (&$opened) { $opened++; },
    'message' => function ($conn, $data) use (&$server, $count) {
        echo "server: open connections = count: ", var_export(count($server->connections()) === $count, true), "\n";
        echo "server: broadcast recipients = count: ", var_export($server->broadcast("to all $data") === $count, true), "\n";
    },
    'close' => function () use (&$server, &$stopping) {
        if (!$server->connections() && !$stopping) {
            $stopping = true;
            ws_stop($server);
        }
    },
]);
$stopping = false;

// opens the sockets 50 at a time; when all are open the last one asks for the broadcast
$client = <<<'JS'
const count = +ARGS[0];
const socks = [];
let open = 0, got = 0, wrong = 0, started = 0;
function more() {
    for (let k = 0; k < 50 && started < count; k++, started++) {
        const ws = new WebSocket(URL);
        socks.push(ws);
        ws.on('open', () => {
            if (++open === count) ws.send('go');
            else if (open === started) more();
        });
        ws.on('message', (d) => {
            if (d.toString() === 'to all go') got++; else wrong++;
            if (got + wrong === count) {
                out('received by all:', got === count, 'other messages:', wrong);
                for (const s of socks) s.close();
            }
        });
        ws.on('error', (e) => out('error', e.message));
    }
}
more();
JS;
ws_node($client, $server->address(), [$count], null, function ($code, $node) use (&$opened, $count) {
    echo implode("\n", $node->lines), "\nnode exit $code\n";
    echo "onOpen calls = count: ", var_export($opened === $count, true), "\n";
});
Loop::run();
?>
--EXPECT--
server: open connections = count: true
server: broadcast recipients = count: true
received by all: true other messages: 0
node exit 0
onOpen calls = count: true
