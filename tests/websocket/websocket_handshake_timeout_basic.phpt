--TEST--
Async\WebSocketServer: handshake_timeout drops a client that sent half a request, or nothing; a connection that finished its handshake is not affected
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
$timeout = 0.2;
$server = ws_server([
    'open' => function ($conn) { echo "server: onOpen ", $conn->id(), "\n"; },
    'close' => function ($conn, $code) { echo "server: onClose ", $conn->id(), " $code\n"; },
], ['handshake_timeout' => $timeout]);
$addr = $server->address();
$start = Loop::now();

$half = new WsRaw($addr);
$half->write(substr(ws_request('/'), 0, 40));
$silent = new WsRaw($addr);
$full = new WsRaw($addr);
$full->handshake(function ($head) { echo "full: ", $head['line'], "\n"; });

$bound = ws_pick(1.5, 6.0);
$done = [];
foreach (['half' => $half, 'silent' => $silent] as $name => $raw) {
    $raw->whenEof(function () use ($name, $raw, $start, $timeout, $bound, &$done, $full, $server) {
        $t = $raw->eofAt - $start;
        $done[$name] = "$name: EOF after the timeout and in bounded time: " . var_export($t >= $timeout * 0.9 && $t < $bound, true)
            . ", response bytes: " . strlen($raw->buf) . "\n";
        if (count($done) < 2) {
            return;
        }
        ksort($done);
        echo implode('', $done);
        // well past the handshake timeout: the upgraded connection is still open
        Loop::delay($timeout * 2, function () use ($full, $server) {
            echo "full: open ", var_export(!$full->eof, true), ", listed ", count($server->connections()), "\n";
            $full->close();
            ws_stop($server);
        });
    });
}
Loop::run();
?>
--EXPECT--
server: onOpen 3
full: HTTP/1.1 101 Switching Protocols
half: EOF after the timeout and in bounded time: true, response bytes: 0
silent: EOF after the timeout and in bounded time: true, response bytes: 0
full: open true, listed 1
server: onClose 3 1006
