--TEST--
Async\WebSocket\Connection: a client's ping gets a pong with its payload; ping() reaches Node's ws as a 'ping' event; ping() payload over 125 bytes is a ValueError
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
$server = ws_server([
    'message' => function ($conn, $data) {
        echo "server: onMessage '$data'\n";
        if ($data === 'ping me') {
            $conn->ping('x');
            $conn->ping();
            show_error(function () use ($conn) { $conn->ping(str_repeat('p', 126)); });
            $conn->ping(str_repeat('p', 125));
        }
    },
    'close' => function ($conn, $code) use (&$server) {
        echo "server: onClose $code\n";
        ws_stop($server);
    },
]);

$client = <<<'JS'
const ws = new WebSocket(URL);
let pings = 0;
ws.on('open', () => ws.ping('hello \u00e9 \u0000 end'));
ws.on('pong', (d) => { out('pong', JSON.stringify(d.toString())); ws.send('ping me'); });
// ws answers pings by itself; count them
ws.on('ping', (d) => {
    out('ping', d.length > 20 ? d.length + ' bytes' : JSON.stringify(d.toString()));
    if (++pings === 3) ws.close(1000);
});
ws.on('close', (code) => out('close', code));
ws.on('error', (e) => out('error', e.message));
JS;
ws_node($client, $server->address(), [], null, function ($code, $node) {
    echo implode("\n", $node->lines), "\nnode exit $code\n";
});
Loop::run();
?>
--EXPECT--
server: onMessage 'ping me'
ValueError: Async\WebSocket\Connection::ping(): Argument #1 ($payload) must be at most 125 bytes (a control frame's limit)
server: onClose 1000
pong "hello é \u0000 end"
ping "x"
ping ""
ping 125 bytes
close 1000
node exit 0
