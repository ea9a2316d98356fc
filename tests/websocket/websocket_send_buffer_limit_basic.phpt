--TEST--
Async\WebSocket\Connection: a client that stops reading is closed with 1008 once over send_buffer_limit; its queue is dropped at once (bufferedAmount(), memory); what it then reads is whole frames and the 1008 close frame
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
$limit = 1 << 20;
$size = 65536;
$sent = 0;
$server = ws_server([
    'open' => function ($conn) use ($size, &$sent) {
        $mem0 = memory_get_usage();
        $grew = false;
        Loop::repeat(0.002, function ($id) use ($conn, $size, &$sent, $mem0, &$grew) {
            if (!$conn->isOpen()) {
                Loop::cancel($id);
                echo "server: closed after some sends: ", var_export($sent > 5, true), "\n";
                echo "server: bufferedAmount grew past one message before: ", var_export($grew, true), "\n";
                // what is left is at most the rest of the frame being written (and,
                // with TLS, 64 KiB in the bufferevent), never the dropped queue; the
                // connection is closing, or closed if the close frame is already out
                echo "server: queue dropped, bufferedAmount() at most 128 KiB: ", var_export($conn->bufferedAmount() <= 131072, true),
                    " (", $conn->bufferedAmount(), ")\n";
                // each message is its own string, held by the queue until written or dropped
                $held = memory_get_usage() - $mem0;
                echo "server: memory back within 256 KiB: ", var_export($held < 262144, true), " ($held)\n";
                show_error(function () use ($conn) { $conn->send('more'); });
                return;
            }
            // a distinct string each time (not one shared copy), one byte value per message
            $conn->sendBinary(str_repeat(chr($sent % 256), $size));
            $sent++;
            if ($conn->bufferedAmount() > $size + 1024) {
                $grew = true;
            }
        });
    },
    'close' => function ($conn, $code, $reason) use (&$server) {
        // printed at the end: the server may let go before or after the client reads again
        $GLOBALS['closed'] = "server: onClose $code '$reason', bufferedAmount " . $conn->bufferedAmount() . "\n";
        ws_stop($server);
    },
], ['send_buffer_limit' => $limit]);

$raw = new WsRaw($server->address());
$raw->handshake(function ($head) use ($raw, $size, &$sent) {
    echo "client: ", $head['line'], ", stops reading\n";
    $raw->pause();
    // reads again once the server gave up on it
    Loop::repeat(0.01, function ($id) use ($raw, $size, &$sent) {
        global $server;
        if ($server->connections()) {
            return;
        }
        Loop::cancel($id);
        $raw->resume();
        // what it reads must be whole frames, in order, then the close frame
        $whole = 0;
        $bad = [];
        $reported = false;
        $report = function (?array $close) use (&$whole, &$bad, &$reported, $raw) {
            if ($reported) {
                return;
            }
            $reported = true;
            echo "client: whole, in-order 64 KiB frames before the close: ", var_export($whole > 0, true),
                ", others: ", $bad ? implode(', ', array_unique($bad)) : 'none', "\n";
            if (!$close) {
                echo "client: no close frame; ", strlen($raw->buf), " bytes left that are no whole frame\n";
                $raw->close();
                return;
            }
            echo "client: ", ws_describe_frame($close), "\n";
            $raw->write(ws_frame(WS_OP_CLOSE, ws_close_payload($close['code'])));
            $raw->whenEof(function () use ($raw) {
                echo "client: EOF\n";
                $raw->close();
            });
        };
        $read = function ($f) use (&$read, $raw, $size, &$whole, &$bad, $report) {
            if ($f['opcode'] === WS_OP_CLOSE) {
                $report($f);
                return;
            }
            if ($f['opcode'] === WS_OP_BINARY && $f['fin'] && $f['payload'] === str_repeat(chr($whole % 256), $size)) {
                $whole++;
            } else {
                $bad[] = ws_describe_frame($f);
            }
            $raw->whenFrame($read);
        };
        $raw->whenFrame($read);
        Loop::delay(ws_pick(1.0, 3.0), function () use ($report) { $report(null); });
    });
});
Loop::run();
echo $closed ?? "server: no onClose\n";
echo "-- log\n", implode("\n", ws_error_log()), "\n";
?>
--EXPECTF--
client: HTTP/1.1 101 Switching Protocols, stops reading
server: closed after some sends: true
server: bufferedAmount grew past one message before: true
server: queue dropped, bufferedAmount() at most 128 KiB: true (%d)
server: memory back within 256 KiB: true (%i)
Async\WebSocket\ConnectionException: Cannot send on WebSocket connection 1: it is %s
client: whole, in-order 64 KiB frames before the close: true, others: none
client: close 1008 'send buffer limit exceeded'
client: EOF
server: onClose %d '%s', bufferedAmount 0
-- log
async: WebSocket connection 127.0.0.1:%d closed with 1008: %d bytes queued, over send_buffer_limit (1048576)
