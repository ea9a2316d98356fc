--TEST--
Async\WebSocketServer: malformed client frames close that connection with 1002, 1007 or 1009 (RFC 6455 5.x, 7.4.1), onError gets a ConnectionException with that code, a line is logged; a ws client on the same server keeps working
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(30);
ws_error_log_start();
$events = [];
$server = ws_server([
    'message' => function ($conn, $data, $binary) use (&$events) {
        $events[] = "onMessage " . strlen($data) . " bytes";
        $conn->send("echo: " . strlen($data));
    },
    'error' => function ($conn, $e) use (&$events) {
        $events[] = sprintf("onError %s, getCode() %d: %s", get_class($e), $e->getCode(), $e->getMessage());
    },
    'close' => function ($conn, $code) use (&$events) {
        $events[] = "onClose $code";
    },
], ['max_message_size' => 1024]);
$addr = $server->address();

$text = function (string $s, array $o = []) { return ws_frame(WS_OP_TEXT, $s, $o); };
$cases = [
    'unmasked text frame' => $text('hello', ['mask' => false]),
    'RSV1 set (no extension agreed)' => $text('hello', ['rsv' => 4]),
    'RSV3 set' => $text('hello', ['rsv' => 1]),
    'opcode 0x3 (reserved data)' => ws_frame(0x3, 'x'),
    'opcode 0xB (reserved control)' => ws_frame(0xB, 'x'),
    'ping of 126 bytes' => ws_frame(WS_OP_PING, str_repeat('p', 126)),
    'fragmented ping' => ws_frame(WS_OP_PING, 'p', ['fin' => false]),
    'continuation with no message' => ws_frame(WS_OP_CONT, 'x'),
    'new message inside a fragmented one' => $text('a', ['fin' => false]) . $text('b'),
    'close with a 1-byte payload' => ws_frame(WS_OP_CLOSE, "\x03"),
    'close with code 1005' => ws_frame(WS_OP_CLOSE, ws_close_payload(1005)),
    'close with code 999' => ws_frame(WS_OP_CLOSE, ws_close_payload(999)),
    'invalid UTF-8 in a text message' => $text("bad \xff"),
    'invalid UTF-8 across fragments' => $text("ok \xe2\x9c", ['fin' => false]) . ws_frame(WS_OP_CONT, "X"),
    'text cut inside a character' => $text("cut \xe2\x9c"),
    'close reason with invalid UTF-8' => ws_frame(WS_OP_CLOSE, ws_close_payload(1000, "\xff")),
    'one frame over max_message_size' => ws_frame(WS_OP_BINARY, str_repeat('b', 1025)),
    'fragments over max_message_size together' => ws_frame(WS_OP_BINARY, str_repeat('b', 600), ['fin' => false])
        . ws_frame(WS_OP_CONT, str_repeat('b', 600)),
    // the header alone, then (later) the payload: the server must not wait for 2^63-1 bytes
    'a length of 2^63-1 announced' => ws_frame(WS_OP_BINARY, '', ['len' => PHP_INT_MAX]),
    'a length with the top bit set' => "\x82\xff\x80\0\0\0\0\0\0\x01" . "\x37\xfa\x21\x3d",
    'a 16-bit length under 126 (not minimal)' => "\x82\xfe\x00\x05\x37\xfa\x21\x3d" . str_repeat('x', 5),
    'a frame over max_message_size, its header first and the payload later' => [
        substr(ws_frame(WS_OP_BINARY, str_repeat('b', 2000)), 0, 8),
        substr(ws_frame(WS_OP_BINARY, str_repeat('b', 2000)), 8),
    ],
    // the exact limit is still fine: no error, an echo
    'exactly max_message_size' => ws_frame(WS_OP_BINARY, str_repeat('b', 1024)),
];

$client = <<<'JS'
const ws = new WebSocket(URL);
require('readline').createInterface({ input: process.stdin }).on('line', (l) => {
    if (l === 'close') ws.close(); else ws.send(l);
});
ws.on('open', () => out('open'));
ws.on('message', (d) => out('ws client:', d.toString()));
ws.on('close', (code) => { out('ws client: close', code); process.exit(0); });
JS;

/* One case: handshake, the bad bytes, then the server's frames until its
 * close frame, which the client does not answer: the server must then drop
 * the connection by itself (bounded wait). Server events print after. */
$next = function () use (&$next, &$cases, &$events, $addr, &$node) {
    if (!$cases) {
        $node->tell('the ws client still works');
        return;
    }
    $name = key($cases);
    $bytes = array_shift($cases);
    echo "-- $name\n";
    $raw = new WsRaw($addr);
    $raw->handshake(function ($head) use ($raw, $bytes, $next, &$events) {
        $events = [];
        // a list: chunks written 50 ms apart, so they arrive in separate reads
        foreach ((array) $bytes as $i => $chunk) {
            Loop::delay(0.05 * $i, function () use ($raw, $chunk) { $raw->write($chunk); });
        }
        $done = false;
        $finish = function (string $how) use ($raw, &$events, $next, &$done) {
            if ($done) {
                return;
            }
            $done = true;
            echo "client: $how\n";
            $raw->close();
            // let the server see the client go, then report what it did
            Loop::delay(ws_pick(0.05, 0.5), function () use (&$events, $next) {
                foreach ($events as $e) {
                    echo "server: $e\n";
                }
                $next();
            });
        };
        $closeFrame = false;
        $read = function ($f) use (&$read, $raw, &$closeFrame) {
            echo "client got: ", ws_describe_frame($f), "\n";
            if ($f['opcode'] === WS_OP_CLOSE) {
                $closeFrame = true;
            } else {
                // an echo: the connection is fine; end it properly
                $raw->write(ws_frame(WS_OP_CLOSE, ws_close_payload(1000)));
                $raw->whenFrame($read);
            }
        };
        $raw->whenFrame($read);
        $raw->whenEof(function () use ($finish) { $finish('EOF'); });
        Loop::delay(ws_pick(1.0, 4.0), function () use ($finish, &$closeFrame) {
            $finish($closeFrame ? 'no EOF: the server kept the connection after its close frame' : 'no close frame, no EOF');
        });
    });
};
$node = ws_node($client, $addr, [], function ($line) use ($next, $server, &$node) {
    if ($line === 'open') {
        $next();
        return;
    }
    echo "$line\n";
    if ($line === 'ws client: echo: 25') {
        $node->tell('close');
    }
}, function ($code) use ($server) {
    echo "node exit $code\n-- log\n", implode("\n", ws_error_log()), "\n";
    ws_stop($server);
});
Loop::run();
?>
--EXPECTF--
-- unmasked text frame
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- RSV1 set (no extension agreed)
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- RSV3 set
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- opcode 0x3 (reserved data)
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- opcode 0xB (reserved control)
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- ping of 126 bytes
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- fragmented ping
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- continuation with no message
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- new message inside a fragmented one
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- close with a 1-byte payload
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- close with code 1005
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- close with code 999
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- invalid UTF-8 in a text message
client got: close 1007 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1007: %s
server: onClose %d
-- invalid UTF-8 across fragments
client got: close 1007 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1007: %s
server: onClose %d
-- text cut inside a character
client got: close 1007 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1007: %s
server: onClose %d
-- close reason with invalid UTF-8
client got: close 1007 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1007: %s
server: onClose %d
-- one frame over max_message_size
client got: close 1009 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1009: %s
server: onClose %d
-- fragments over max_message_size together
client got: close 1009 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1009: %s
server: onClose %d
-- a length of 2^63-1 announced
client got: close 1009 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1009: %s
server: onClose %d
-- a length with the top bit set
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- a 16-bit length under 126 (not minimal)
client got: close 1002 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1002: %s
server: onClose %d
-- a frame over max_message_size, its header first and the payload later
client got: close 1009 ''
client: EOF
server: onError Async\WebSocket\ConnectionException, getCode() 1009: %s
server: onClose %d
-- exactly max_message_size
client got: text 10 bytes
client got: close 1000 ''
client: EOF
server: onMessage 1024 bytes
server: onClose 1000
ws client: echo: 25
ws client: close 1005
node exit 0
-- log
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1007: %s
async: WebSocket connection 127.0.0.1:%d closed with 1007: %s
async: WebSocket connection 127.0.0.1:%d closed with 1007: %s
async: WebSocket connection 127.0.0.1:%d closed with 1007: %s
async: WebSocket connection 127.0.0.1:%d closed with 1009: %s
async: WebSocket connection 127.0.0.1:%d closed with 1009: %s
async: WebSocket connection 127.0.0.1:%d closed with 1009: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
async: WebSocket connection 127.0.0.1:%d closed with 1009: %s
