--TEST--
Async\WebSocketServer: with max_connections 2, a third handshake gets 503 and is closed; once a connection is gone, a new one is accepted
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
ws_error_log_start();
$server = ws_server([
    'open' => function ($conn) { echo "server: onOpen ", $conn->id(), "\n"; },
    'close' => function ($conn, $code) { echo "server: onClose ", $conn->id(), " $code\n"; },
], ['max_connections' => 2]);
$addr = $server->address();

function connect(string $name, callable $then): WsRaw
{
    global $addr;
    $raw = new WsRaw($addr);
    $raw->handshake(function ($head) use ($name, $raw, $then) {
        echo "$name: ", $head['line'], $head['status'] === 101 ? '' : ", body: " . $head['body'];
        echo $head['status'] === 101 ? "\n" : '';
        $then($raw, $head);
    });
    return $raw;
}

connect('a', function ($a) {
    connect('b', function ($b) use ($a) {
        connect('c', function ($c) use ($a, $b) {
            $c->whenEof(function () use ($a, $b, $c) {
                echo "c: EOF\n";
                $c->close();
                // a leaves properly; then there is room again
                $a->write(ws_frame(WS_OP_CLOSE, ws_close_payload(1000)));
                $a->whenEof(function () use ($a, $b) {
                    echo "a: EOF\n";
                    $a->close();
                    connect('d', function ($d) use ($b) {
                        global $server;
                        echo "open: ", implode(',', array_keys($server->connections())), "\n";
                        echo "-- log\n", implode("\n", ws_error_log()), "\n";
                        $b->close();
                        $d->close();
                        ws_stop($server);
                    });
                });
            });
        });
    });
});
Loop::run();
?>
--EXPECTF--
server: onOpen 1
a: HTTP/1.1 101 Switching Protocols
server: onOpen 2
b: HTTP/1.1 101 Switching Protocols
c: HTTP/1.1 503 Service Unavailable, body: the server has reached max_connections
c: EOF
server: onClose 1 1000
a: EOF
server: onOpen 4
d: HTTP/1.1 101 Switching Protocols
open: 2,4
-- log
async: WebSocket handshake from 127.0.0.1:%d refused with 503: the server has reached max_connections
server: onClose 2 1006
server: onClose 4 1006
