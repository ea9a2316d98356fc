--TEST--
Async\WebSocket\Connection: a client's close (code and reason) reaches onClose; the server echoes the code; the connection is not open in onClose and send() there throws
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
    'close' => function ($conn, $code, $reason) use (&$server) {
        echo "server: onClose $code '$reason'\n";
        var_dump($conn->isOpen(), $server->connections());
        show_error(function () use ($conn) { $conn->send('too late'); });
        ws_stop($server);
    },
]);

$client = <<<'JS'
const ws = new WebSocket(URL);
ws.on('open', () => ws.send('hi'));
ws.on('message', (d) => { out('echo', d.toString()); ws.close(4321, 'client is done \u2713'); });
ws.on('close', (code, reason) => out('close', code, JSON.stringify(reason.toString())));
ws.on('error', (e) => out('error', e.message));
JS;
ws_node($client, $server->address(), [], null, function ($code, $node) {
    echo implode("\n", $node->lines), "\nnode exit $code\n";
});
Loop::run();
?>
--EXPECTF--
server: onClose 4321 'client is done ✓'
bool(false)
array(0) {
}
Async\WebSocket\ConnectionException: Cannot send on WebSocket connection 1: it is %s
echo hi
close 4321 "client is done ✓"
node exit 0
