--TEST--
Async\WebSocket\Listener: an exception from onOpen, onMessage or onClose goes to onError with that connection; the connection and the others keep working
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
$thrown = [];
$closed = 0;
$server = ws_server([
    'open' => function ($conn) use (&$thrown) {
        if ($conn->id() === 1) {
            throw $thrown['open'] = new LogicException('from onOpen');
        }
    },
    'message' => function ($conn, $data) use (&$thrown) {
        if ($data === 'throw') {
            throw $thrown['message'] = new RuntimeException('from onMessage');
        }
        $conn->send("echo: $data");
    },
    'close' => function ($conn, $code) use (&$thrown, &$closed, &$server) {
        echo "server: onClose ", $conn->id(), " $code\n";
        if (++$closed === 2) {
            ws_stop($server);
        }
        throw $thrown['close'] = new DomainException('from onClose ' . $conn->id());
    },
    'error' => function ($conn, $e) use (&$thrown) {
        $which = ['LogicException' => 'open', 'RuntimeException' => 'message', 'DomainException' => 'close'][get_class($e)];
        echo "server: onError ", $conn->id(), " ", get_class($e), ": ", $e->getMessage(),
            ", the same object: ", var_export($e === $thrown[$which], true), "\n";
    },
]);

// Two sockets from one node: the first makes the server throw, then goes on;
// the second only starts once the first got its answer, for a fixed order.
$client = <<<'JS'
const a = new WebSocket(URL);
let b;
a.on('open', () => a.send('throw'));
a.on('message', (d) => {
    out('a:', d.toString());
    if (d.toString() === 'echo: 1') {
        a.send('2');
        return;
    }
    b = new WebSocket(URL);
    b.on('open', () => b.send('from b'));
    b.on('message', (d) => { out('b:', d.toString()); b.close(); });
    b.on('close', () => a.close());
});
a.on('open', () => a.send('1'));
a.on('error', (e) => out('a error', e.message));
JS;
ws_node($client, $server->address(), [], null, function ($code, $node) {
    echo implode("\n", $node->lines), "\nnode exit $code\n";
});
Loop::run();
?>
--EXPECT--
server: onError 1 LogicException: from onOpen, the same object: true
server: onError 1 RuntimeException: from onMessage, the same object: true
server: onClose 2 1005
server: onError 2 DomainException: from onClose 2, the same object: true
server: onClose 1 1005
server: onError 1 DomainException: from onClose 1, the same object: true
a: echo: 1
a: echo: 2
b: echo: from b
node exit 0
