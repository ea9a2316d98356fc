--TEST--
Async\WebSocket\Listener: an exception thrown by onError itself goes to the loop's error handler (or out of Loop::run() without one); the server keeps serving
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
$server = ws_server([
    'message' => function ($conn, $data) {
        if ($data === 'throw') {
            throw new RuntimeException("onMessage: $data");
        }
        $conn->send("echo: $data");
    },
    'error' => function ($conn, $e) {
        echo "server: onError ", $e->getMessage(), "\n";
        throw new LogicException('onError failed too', 0, $e);
    },
    'close' => function ($conn, $code) { echo "server: onClose $code\n"; },
]);

$client = <<<'JS'
const ws = new WebSocket(URL);
// one line from PHP on stdin per step
require('readline').createInterface({ input: process.stdin }).on('line', (l) => {
    if (l === 'close') ws.close(); else ws.send(l);
});
ws.on('open', () => out('open'));
ws.on('message', (d) => out('echo', d.toString()));
ws.on('close', () => process.exit(0));
JS;
$node = ws_node($client, $server->address(), [], function ($line, $node) {
    echo "node: $line\n";
    if ($line === 'open') {
        $node->tell('throw');
    } elseif ($line === 'echo echo: after the handler') {
        Loop::stop();
    } elseif ($line === 'echo echo: still there') {
        $node->tell('close');
    }
}, function ($code) {
    echo "node exit $code\n";
    Loop::stop();
});

Loop::setErrorHandler(function ($e) use ($node) {
    echo "error handler: ", get_class($e), ": ", $e->getMessage(), ", previous: ", get_class($e->getPrevious()), "\n";
    $node->tell('after the handler');
});
Loop::run();

echo "-- without an error handler\n";
Loop::setErrorHandler(null);
$node->tell('throw');
try {
    Loop::run();
    echo "run() returned\n";
} catch (LogicException $e) {
    echo "run() threw ", get_class($e), ": ", $e->getMessage(), "\n";
}
echo "the server still serves:\n";
$node->tell('still there');
Loop::run();
echo "connections: ", count($server->connections()), "\n";
ws_stop($server);
Loop::run();
?>
--EXPECT--
node: open
server: onError onMessage: throw
error handler: LogicException: onError failed too, previous: RuntimeException
node: echo echo: after the handler
-- without an error handler
server: onError onMessage: throw
run() threw LogicException: onError failed too
the server still serves:
node: echo echo: still there
server: onClose 1005
node exit 0
connections: 0
