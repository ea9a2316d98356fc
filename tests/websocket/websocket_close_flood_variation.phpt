--TEST--
Async\WebSocket\Connection: what a peer sends after its close frame is dropped, not kept, while our close frame waits behind data it does not read
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--INI--
memory_limit=1G
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(15);
$base = null;
$sent = 0;
$peak = 0;
$server = ws_server([
    'open' => function ($conn) {
        // 8 MiB the client never reads: our answer to its close frame waits behind them
        for ($i = 0; $i < 128; $i++) {
            $conn->sendBinary(str_repeat('x', 65536));
        }
    },
    'close' => function ($conn, $code, $reason) use (&$server, &$sent, &$peak, &$base) {
        echo "server: onClose $code\n";
        echo "client sent at least 64 MiB after its close frame: ", var_export($sent >= (64 << 20), true), "\n";
        echo "server memory grew by less than 16 MiB: ", var_export($peak - $base < (16 << 20), true), "\n";
        ws_stop($server);
    },
], ['send_buffer_limit' => 64 << 20, 'ping_interval' => 0]);

$raw = new WsRaw($server->address());
$raw->handshake(function ($head) use ($raw, &$base, &$sent, &$peak) {
    echo "client: ", $head['line'], ", never reads again\n";
    $raw->pause();
    $raw->write(ws_frame(0x8, pack('n', 1000)));
    $base = memory_get_usage();
    $chunk = str_repeat("\x82\x7e\xff\xff", 1 << 18); // 1 MiB of anything
    Loop::repeat(0.001, function ($id) use ($raw, $chunk, &$sent, &$peak) {
        $peak = max($peak, memory_get_usage());
        if ($sent >= (64 << 20) || !is_resource($raw->stream)) {
            Loop::cancel($id);
            return;
        }
        $n = @fwrite($raw->stream, $chunk);
        $sent += $n ?: 0;
    });
});
Loop::run();
$raw->close();
echo "done\n";
?>
--EXPECT--
client: HTTP/1.1 101 Switching Protocols, never reads again
server: onClose 1000
client sent at least 64 MiB after its close frame: true
server memory grew by less than 16 MiB: true
done
