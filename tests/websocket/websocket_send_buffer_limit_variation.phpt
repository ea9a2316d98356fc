--TEST--
Async\WebSocket\Connection: pongs count against send_buffer_limit: a client that keeps pinging and never reads is closed with 1008, so the server's memory stays bounded
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false);
// Megabytes of pongs fill the loopback buffers first: far too slow under
// valgrind (the ASan run covers this path's memory safety).
if (getenv('USE_ZEND_ALLOC') === '0' && !getenv('ASAN_OPTIONS')) die('skip too slow under valgrind');
?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(ws_pick(10, 30));
ws_error_log_start();
$server = ws_server([
    'close' => function ($conn, $code, $reason) use (&$server) {
        echo "server: onClose $code '$reason'\n";
        ws_stop($server);
    },
], ['send_buffer_limit' => 64 * 1024, 'ping_interval' => 0]);

$raw = new WsRaw($server->address());
$raw->handshake(function ($head) use ($raw, $server) {
    echo "client: ", $head['line'], ", pings and never reads\n";
    $raw->pause();
    // 125-byte pings: every one asks for a 127-byte pong the client never reads
    $ping = ws_frame(WS_OP_PING, str_repeat('p', 125));
    $sent = 0;
    Loop::repeat(0.001, function ($id) use ($raw, $ping, &$sent, $server) {
        if (!$server->connections() || $sent >= 200000) {
            Loop::cancel($id);
            echo "client: cut off before 200,000 pings: ", var_export($sent < 200000, true), "\n";
            return;
        }
        for ($i = 0; $i < 200; $i++) {
            $raw->write($ping);
            $sent++;
        }
    });
});
Loop::run();
$log = ws_error_log();
echo "log: ", count(array_filter($log, function ($l) { return strpos($l, 'closed with 1008') !== false; })) > 0 ? "1008 logged" : "nothing", "\n";
?>
--EXPECT--
client: HTTP/1.1 101 Switching Protocols, pings and never reads
client: cut off before 200,000 pings: true
server: onClose 1008 'send buffer limit exceeded'
log: 1008 logged
