--TEST--
Async\WebSocketServer::stop(): a client that never answers the close frame is dropped when the grace period ends (onClose 1006) and the promise is then fulfilled; a half-made handshake is dropped at once
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
$grace = 0.5;
$server = ws_server([
    'open' => function ($conn) { echo "server: onOpen ", $conn->id(), "\n"; },
    'close' => function ($conn, $code, $reason) use (&$start) {
        echo "server: onClose ", $conn->id(), " $code '$reason'\n";
    },
]);
$addr = $server->address();
$start = null;

$deaf = new WsRaw($addr);
$deaf->handshake(function ($head) use ($deaf, $addr, $server, $grace, &$start) {
    echo "deaf: ", $head['line'], "\n";
    $half = new WsRaw($addr);
    $half->write("GET / HTTP/1.1\r\nHost: x\r\n");
    // wait until the server has the half request, then stop
    Loop::delay(0.1, function () use ($server, $grace, $half, $deaf, &$start) {
        $start = Loop::now();
        $server->stop($grace)->then(function () use (&$start, $grace) {
            $t = Loop::now() - $start;
            echo "stop() fulfilled after the grace period: ", var_export($t >= $grace * 0.9, true),
                ", and soon after: ", var_export($t < $grace + ws_pick(0.5, 2.0), true), "\n";
        });
        // the two arrive in either order: print them in a fixed one
        $pending = [];
        $flush = function () use (&$pending) {
            if (count($pending) === 2) {
                ksort($pending);
                echo implode('', $pending);
            }
        };
        $half->whenEof(function () use ($half, &$start, $grace, &$pending, $flush) {
            $pending[0] = "half: EOF before the grace period ended: " . var_export(Loop::now() - $start < $grace, true) . "\n";
            $flush();
            $half->close();
        });
        $deaf->whenFrame(function ($f) use (&$pending, $flush) {
            $pending[1] = "deaf: " . ws_describe_frame($f) . ", does not answer\n";
            $flush();
        });
        $deaf->whenEof(function () use ($deaf) {
            echo "deaf: EOF\n";
            $deaf->close();
        });
    });
});
Loop::run();
echo "run() returned\n";
?>
--EXPECT--
server: onOpen 1
deaf: HTTP/1.1 101 Switching Protocols
half: EOF before the grace period ended: true
deaf: close 1001 'server shutting down', does not answer
server: onClose 1 1006 ''
stop() fulfilled after the grace period: true, and soon after: true
deaf: EOF
run() returned
