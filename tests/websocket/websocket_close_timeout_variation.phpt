--TEST--
Async\WebSocket\Connection: a failed connection (1002) whose close frame is stuck behind data its peer does not read is still released, onClose included, once the close timeout (5 s) has passed
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(15);
ws_error_log_start();
$failedAt = null;
$server = ws_server([
    'open' => function ($conn) {
        // fill the socket and queue 2 MiB more behind it: the client reads nothing
        Loop::repeat(0.001, function ($id) use ($conn) {
            if (!$conn->isOpen() || $conn->bufferedAmount() > (2 << 20)) {
                Loop::cancel($id);
                return;
            }
            $conn->sendBinary(str_repeat('x', 65536));
        });
    },
    'error' => function ($conn, $e) use (&$failedAt) {
        $failedAt = microtime(true);
        echo "server: onError ", get_class($e), " ", $e->getCode(), "\n";
    },
    'close' => function ($conn, $code, $reason) use (&$server, &$failedAt) {
        $waited = microtime(true) - $failedAt;
        echo "server: onClose $code after the close timeout: ", var_export($waited > 4.0 && $waited < 8.0, true), "\n";
        ws_stop($server);
    },
], ['send_buffer_limit' => 64 << 20]);

$raw = new WsRaw($server->address());
$raw->handshake(function ($head) use ($raw) {
    echo "client: ", $head['line'], ", never reads again\n";
    $raw->pause();
    // then breaks the protocol: an unmasked text frame
    Loop::delay(0.5, function () use ($raw) { $raw->write("\x81\x02hi"); });
});
Loop::run();
$raw->close();
echo "done\n";
?>
--EXPECT--
client: HTTP/1.1 101 Switching Protocols, never reads again
server: onError Async\WebSocket\ConnectionException 1002
server: onClose 1002 after the close timeout: true
done
