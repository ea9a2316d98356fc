--TEST--
Async\WebSocket\Connection: close(4001, 'bye') from the server reaches Node's ws with that code and reason; isOpen() is false at once, send() then throws, onClose follows the client's answer
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;
use Async\WebSocket\ConnectionException;

ws_timeout(5);
$server = ws_server([
    'message' => function ($conn, $data) use (&$server) {
        echo "server: onMessage '$data'\n";
        $conn->send('last words');
        $conn->close(4001, 'bye');
        echo "after close(): isOpen ", var_export($conn->isOpen(), true), ", listed ", count($server->connections()), "\n";
        try {
            $conn->send('after close');
        } catch (ConnectionException $e) {
            echo get_class($e), ": ", $e->getMessage(), "\n";
        }
        show_error(function () use ($conn) { $conn->sendBinary('after close'); });
        show_error(function () use ($conn) { $conn->ping(); });
        // a second close() is a no-op
        $conn->close(1000);
        echo "close() again: no exception\n";
    },
    'close' => function ($conn, $code, $reason) use (&$server) {
        echo "server: onClose $code '$reason', isOpen ", var_export($conn->isOpen(), true), ", bufferedAmount ", $conn->bufferedAmount(), "\n";
        ws_stop($server);
    },
]);

$client = <<<'JS'
const ws = new WebSocket(URL);
ws.on('open', () => ws.send('close me'));
ws.on('message', (d) => out('message', d.toString()));
ws.on('close', (code, reason) => out('close', code, JSON.stringify(reason.toString())));
ws.on('error', (e) => out('error', e.message));
JS;
ws_node($client, $server->address(), [], null, function ($code, $node) {
    echo implode("\n", $node->lines), "\nnode exit $code\n";
});
Loop::run();
?>
--EXPECT--
server: onMessage 'close me'
after close(): isOpen false, listed 0
Async\WebSocket\ConnectionException: Cannot send on WebSocket connection 1: it is closing
Async\WebSocket\ConnectionException: Cannot send on WebSocket connection 1: it is closing
Async\WebSocket\ConnectionException: Cannot send on WebSocket connection 1: it is closing
close() again: no exception
server: onClose 4001 'bye', isOpen false, bufferedAmount 0
message last words
close 4001 "bye"
node exit 0
