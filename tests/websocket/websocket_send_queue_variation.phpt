--TEST--
Async\WebSocket\Connection: bufferedAmount() is 0 once a frame is written, grows while the client does not read and counts only what is not written; close() with frames still queued sends them all, whole and in order, before the close frame; a frame sent in the same write as the upgrade request is delivered after onOpen
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(ws_pick(10, 60));
$size = 32768;
$sent = 0;
$log = [];
$server = ws_server([
    'open' => function ($conn) use ($size, &$sent, &$log) {
        $log[] = "onOpen " . $conn->id();
        if ($conn->id() !== 2) {
            return;
        }
        $conn->sendBinary('x');
        echo "server: bufferedAmount after a small send to a reading client: ", $conn->bufferedAmount(), "\n";
        // the client stops reading now: fill the kernel's buffers, then queue eight more
        Loop::delay(0.1, function () use ($conn, $size, &$sent) {
            $total = 0;
            $extra = -1;
            while ($sent < 2000 && $extra < 8) {
                $conn->sendBinary(str_repeat(chr($sent % 256), $size));
                $sent++;
                $total += $size + 4;
                if ($extra >= 0 || $conn->bufferedAmount() > 0) {
                    $extra++;
                }
            }
            $b = $conn->bufferedAmount();
            echo "server: queued past the socket: ", var_export($b > 8 * $size && $b <= $total, true), "\n";
            $conn->close(4000, 'done');
            echo "server: after close(): isOpen ", var_export($conn->isOpen(), true),
                ", bufferedAmount grew by the close frame: ", $conn->bufferedAmount() - $b, "\n";
        });
    },
    'message' => function ($conn, $data, $binary) use (&$log) {
        $log[] = "onMessage " . $conn->id() . " '$data'";
        $conn->send("echo $data");
    },
    'close' => function ($conn, $code, $reason) use (&$log) {
        $log[] = "onClose " . $conn->id() . " $code '$reason', bufferedAmount " . $conn->bufferedAmount();
    },
], ['send_buffer_limit' => 1 << 30]);
$addr = $server->address();

$finish = function () use (&$log, $server) {
    Loop::delay(0.05, function () use (&$log, $server) {
        echo "-- server\n", implode("\n", $log), "\n";
        ws_stop($server);
    });
};

// 2: a client that stops reading, then reads everything
$slowCase = function () use ($addr, $size, &$sent, $finish) {
    $slow = new WsRaw($addr);
    $slow->handshake(function ($head) use ($slow, $size, &$sent, $finish) {
        echo "slow: ", $head['line'], "\n";
        $slow->whenFrame(function ($f) use ($slow, $size, &$sent, $finish) {
            echo "slow: first ", ws_describe_frame($f), "\n";
            $slow->pause();
            Loop::delay(ws_pick(0.5, 2.0), function () use ($slow, $size, &$sent, $finish) {
                $slow->resume();
                $whole = 0;
                $bad = [];
                $read = function ($f) use (&$read, $slow, $size, &$whole, &$bad, &$sent, $finish) {
                    if ($f['opcode'] === WS_OP_CLOSE) {
                        echo "slow: every queued frame whole and in order: ", var_export($whole === $sent, true),
                            ", others: ", $bad ? implode(', ', array_unique($bad)) : 'none', "\n";
                        echo "slow: then ", ws_describe_frame($f), "\n";
                        $slow->write(ws_frame(WS_OP_CLOSE, ws_close_payload(4000)));
                        $slow->whenEof(function () use ($slow, $finish) {
                            echo "slow: EOF\n";
                            $slow->close();
                            $finish();
                        });
                        return;
                    }
                    if ($f['opcode'] === WS_OP_BINARY && $f['fin'] && $f['payload'] === str_repeat(chr($whole % 256), $size)) {
                        $whole++;
                    } else {
                        $bad[] = ws_describe_frame($f);
                    }
                    $slow->whenFrame($read);
                };
                $slow->whenFrame($read);
            });
        });
    });
};

// 1: the upgrade request, a whole frame and half of another in one write
$early = new WsRaw($addr);
$second = ws_frame(WS_OP_TEXT, 'second');
$early->write(ws_request() . ws_frame(WS_OP_TEXT, 'early') . substr($second, 0, 5));
$early->whenResponse(function ($head) use ($early, $second, $slowCase) {
    echo "early: ", $head['line'], "\n";
    $early->whenFrame(function ($f) use ($early, $second, $slowCase) {
        echo "early: ", $f['payload'], "\n";
        $early->write(substr($second, 5));
        $early->whenFrame(function ($f) use ($early, $slowCase) {
            echo "early: ", $f['payload'], "\n";
            $early->write(ws_frame(WS_OP_CLOSE, ws_close_payload(1000)));
            $early->whenEof(function () use ($early, $slowCase) {
                $early->close();
                $slowCase();
            });
        });
    });
});
Loop::run();
?>
--EXPECT--
early: HTTP/1.1 101 Switching Protocols
early: echo early
early: echo second
server: bufferedAmount after a small send to a reading client: 0
slow: HTTP/1.1 101 Switching Protocols
slow: first binary 1 bytes
server: queued past the socket: true
server: after close(): isOpen false, bufferedAmount grew by the close frame: 8
slow: every queued frame whole and in order: true, others: none
slow: then close 4000 'done'
slow: EOF
-- server
onOpen 1
onMessage 1 'early'
onMessage 1 'second'
onClose 1 1000 '', bufferedAmount 0
onOpen 2
onClose 2 4000 '', bufferedAmount 0
