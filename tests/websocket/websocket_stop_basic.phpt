--TEST--
Async\WebSocketServer::stop(): every client gets close 1001, the promise is fulfilled once all are closed (before the grace period ends), Loop::run() returns, and new connections are refused
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
$grace = 3.0;
$closed = [];
$server = ws_server([
    'message' => function ($conn, $data) use (&$server, $grace, &$closed) {
        echo "server: open: ", implode(',', array_keys($server->connections())), "\n";
        $start = Loop::now();
        $p = $server->stop($grace);
        echo "stop() again gives the same promise: ", var_export($server->stop() === $p, true), "\n";
        echo "pending: ", var_export($p->isPending(), true), ", listed: ", count($server->connections()), "\n";
        $p->then(function ($v) use ($start, $grace, &$closed) {
            ksort($closed);
            echo "stop() fulfilled with ", var_export($v, true), " before the grace period ended: ",
                var_export(Loop::now() - $start < $grace, true), ", after onClose of ", implode(', ', $closed), "\n";
        });
    },
    'close' => function ($conn, $code, $reason) use (&$closed) {
        $closed[$conn->id()] = "{$conn->id()} ($code '$reason')";
    },
]);
$addr = $server->address();

$client = <<<'JS'
let n = 0;
const socks = [];
for (let i = 0; i < 3; i++) {
    const ws = new WebSocket(URL);
    socks.push(ws);
    ws.on('open', () => { if (++n === 3) socks[0].send('stop'); });
    ws.on('close', (code, reason) => out('client', i, 'close', code, JSON.stringify(reason.toString())));
}
JS;
ws_node($client, $addr, [], null, function ($code, $node) {
    sort($node->lines);
    echo implode("\n", $node->lines), "\nnode exit $code\n";
});
Loop::run();
echo "run() returned\n";
$errno = 0;
$s = @stream_socket_client("tcp://$addr", $errno, $errstr, 1);
echo "connect after stop: ", var_export($s, true), ", ", $errstr, "\n";
var_dump($server->connections());
echo "broadcast: ", $server->broadcast('x'), "\n";
?>
--EXPECT--
server: open: 1,2,3
stop() again gives the same promise: true
pending: true, listed: 0
stop() fulfilled with NULL before the grace period ended: true, after onClose of 1 (1001 'server shutting down'), 2 (1001 'server shutting down'), 3 (1001 'server shutting down')
client 0 close 1001 "server shutting down"
client 1 close 1001 "server shutting down"
client 2 close 1001 "server shutting down"
node exit 0
run() returned
connect after stop: false, Connection refused
array(0) {
}
broadcast: 0
