--TEST--
Async\WebSocketServer: the answers to messages that came in the same read as the peer's close frame go out before the server's close frame (RFC 6455 5.5.1)
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(60);
ws_error_log_start();
const MAX = 100000;
$events = [];
$server = ws_server([
    // the default handler echoes (text as text, binary as binary)
    'error' => function ($conn, $e) use (&$events) {
        $events[] = sprintf("onError getCode() %d", $e->getCode());
    },
    'close' => function ($conn, $code) use (&$events) {
        $events[] = "onClose $code";
    },
], ['max_message_size' => MAX]);
$addr = $server->address();

$key = function (int $i) { return substr(md5("key $i", true), 0, 4); };
$t = function (string $s, int $k = 0) use ($key) { return ws_frame(WS_OP_TEXT, $s, ['key' => $key($k)]); };

$cases = [
    // [chunks written 30 ms apart (separate reads), the echoes expected];
    // a close frame (1000) follows in the last chunk: the echoes must go
    // out before the server's answer to it
    'a message and the close frame in one write' => [[$t('hello')], [[WS_OP_TEXT, 'hello']]],
];

/* One case: handshake, the chunks, then a close frame (1000); the server's
 * frames until its close frame and EOF. Server events print after. */
$next = function () use (&$next, &$cases, &$events, $addr, $server) {
    if (!$cases) {
        echo "-- log\n", implode("\n", ws_error_log()), "\n";
        ws_stop($server);
        return;
    }
    $name = key($cases);
    [$chunks, $expect] = array_shift($cases);
    echo "-- $name\n";
    $raw = new WsRaw($addr);
    $raw->handshake(function ($head) use ($raw, $chunks, $expect, $next, &$events) {
        $events = [];
        $chunks[count($chunks) - 1] .= ws_frame(WS_OP_CLOSE, ws_close_payload(1000));
        foreach ($chunks as $i => $chunk) {
            Loop::delay(ws_pick(0.03, 0.2) * $i, function () use ($raw, $chunk) { $raw->write($chunk); });
        }
        $echoes = 0;
        $intact = 0;
        $pongs = [];
        $done = false;
        $finish = function (string $how) use ($raw, &$events, $next, &$done, &$echoes, &$intact, &$pongs, $expect) {
            if ($done) {
                return;
            }
            $done = true;
            echo "client: $echoes of ", count($expect), " echoes, $intact intact",
                $pongs ? ", pongs " . implode(' ', $pongs) : '', "; $how\n";
            $raw->close();
            Loop::delay(ws_pick(0.05, 0.5), function () use (&$events, $next) {
                foreach ($events as $e) {
                    echo "server: $e\n";
                }
                $next();
            });
        };
        $read = function ($f) use (&$read, $raw, $expect, &$echoes, &$intact, &$pongs) {
            if ($f['opcode'] === WS_OP_CLOSE) {
                echo "client got: ", ws_describe_frame($f), "\n";
                return;
            }
            if ($f['opcode'] === WS_OP_PONG) {
                $pongs[] = $f['payload'];
            } else {
                $want = $expect[$echoes++] ?? null;
                if ($want && $want[0] === $f['opcode'] && $want[1] === $f['payload'] && $f['fin'] && !$f['masked']) {
                    $intact++;
                } else {
                    echo "client: echo $echoes differs: ", ws_describe_frame($f), "\n";
                }
            }
            $raw->whenFrame($read);
        };
        $raw->whenFrame($read);
        $raw->whenEof(function () use ($finish) { $finish('EOF'); });
        Loop::delay(ws_pick(3.0, 20.0), function () use ($finish) { $finish('no EOF'); });
    });
};
$next();
Loop::run();
?>
--EXPECTF--
-- a message and the close frame in one write
client got: close 1000 ''
client: 1 of 1 echoes, 1 intact; EOF
server: onClose 1000
-- log

