--TEST--
Async\WebSocket\Connection and Request: made by the server only (new is an Error), final, not clonable or serializable; connections() maps ids to the open connections only
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;
use Async\WebSocketServer;
use Async\WebSocket\Connection;
use Async\WebSocket\Request;

foreach ([WebSocketServer::class, Connection::class, Request::class] as $class) {
    $rc = new ReflectionClass($class);
    echo "$class: final ", var_export($rc->isFinal(), true), "\n";
}
show_error(function () { new Connection(); });
show_error(function () { new Request(); });

ws_timeout(5);
$server = ws_server([
    'open' => function ($conn) use (&$server) {
        echo "onOpen ", $conn->id(), ": listed ", implode(',', array_keys($server->connections())), "\n";
        show_error(function () use ($conn) { clone $conn; });
        show_error(function () use ($conn) { serialize($conn); });
        show_error(function () use ($conn) { clone $conn->request(); });
    },
]);
$addr = $server->address();

$half = new WsRaw($addr);
$half->write("GET / HTTP/1.1\r\n");
$a = new WsRaw($addr);
$a->handshake(function () use ($a, $addr, $server, $half) {
    $b = new WsRaw($addr);
    $b->handshake(function () use ($a, $b, $server, $half) {
        $list = $server->connections();
        echo "listed (the half-made handshake is not): ", implode(',', array_keys($list)), "\n";
        foreach ($list as $id => $conn) {
            echo "$id => ", get_class($conn), " id ", $conn->id(), " open ", var_export($conn->isOpen(), true),
                " bufferedAmount ", $conn->bufferedAmount(), "\n";
        }
        echo "the same objects as in onOpen: ", var_export($list === $server->connections(), true), "\n";
        $list[2]->close();
        echo "after close() of 2: ", implode(',', array_keys($server->connections())), "\n";
        $a->close();
        $b->close();
        $half->close();
        ws_stop($server);
    });
});
Loop::run();
?>
--EXPECTF--
Async\WebSocketServer: final true
Async\WebSocket\Connection: final true
Async\WebSocket\Request: final true
Error: Call to private Async\WebSocket\Connection::__construct() from %s
Error: Call to private Async\WebSocket\Request::__construct() from %s
onOpen 2: listed 2
Error: Trying to clone an uncloneable object of class Async\WebSocket\Connection
Exception: Serialization of 'Async\WebSocket\Connection' is not allowed
Error: Trying to clone an uncloneable object of class Async\WebSocket\Request
onOpen 3: listed 2,3
Error: Trying to clone an uncloneable object of class Async\WebSocket\Connection
Exception: Serialization of 'Async\WebSocket\Connection' is not allowed
Error: Trying to clone an uncloneable object of class Async\WebSocket\Request
listed (the half-made handshake is not): 2,3
2 => Async\WebSocket\Connection id 2 open true bufferedAmount 0
3 => Async\WebSocket\Connection id 3 open true bufferedAmount 0
the same objects as in onOpen: true
after close() of 2: 3
