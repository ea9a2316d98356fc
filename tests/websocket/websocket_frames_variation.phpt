--TEST--
Async\WebSocketServer: whole text and binary frames (read without wslay) arrive intact in every length form, in order with control frames, split across many reads, answered before a close frame that came with them, up to exactly max_message_size; invalid UTF-8 deep in a 16 KiB text message closes with 1007, a length over the limit with 1009, a non-minimal length with 1002
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

/* Text of exactly $n bytes with 1-, 2-, 3- and 4-byte characters, which
 * fall across every 8-byte boundary of the unmasking and the ASCII skip. */
function text_of(int $n): string
{
    $s = '';
    $chars = ['a', "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", 'bcdefgh'];
    for ($i = 0; strlen($s) < $n; $i++) {
        $c = $chars[$i % 5];
        $s .= strlen($s) + strlen($c) <= $n ? $c : 'z';
    }
    return $s;
}
function bytes_of(int $n, int $seed): string
{
    mt_srand($seed);
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= chr(mt_rand(0, 255));
    }
    return $s;
}
$key = function (int $i) { return substr(md5("key $i", true), 0, 4); };
$t = function (string $s, int $k = 0) use ($key) { return ws_frame(WS_OP_TEXT, $s, ['key' => $key($k)]); };
$b = function (string $s, int $k = 0) use ($key) { return ws_frame(WS_OP_BINARY, $s, ['key' => $key($k)]); };

$big = bytes_of(70000, 1);
$bigFrame = $b($big, 7);
$text16k = text_of(16384);
$msgs = [
    [WS_OP_BINARY, ''], [WS_OP_TEXT, 'a'], [WS_OP_BINARY, bytes_of(125, 2)], [WS_OP_TEXT, text_of(126)],
    [WS_OP_BINARY, bytes_of(65535, 3)], [WS_OP_TEXT, text_of(65536)], [WS_OP_TEXT, $text16k], [WS_OP_BINARY, bytes_of(7, 4)],
];
$frames = [];
foreach ($msgs as $i => $m) {
    $frames[] = ws_frame($m[0], $m[1], ['key' => $key($i)]);
}
$cases = [
    // [chunks written 30 ms apart (separate reads), the echoes expected];
    // a close frame (1000) follows in the last chunk: the echoes must go
    // out before the server's answer to it
    'a message and the close frame in one write' => [[$t('hello')], [[WS_OP_TEXT, 'hello']]],
    'one write: empty, 1, 125, 126, 65535, 65536 bytes, text and binary' => [[implode('', $frames)], $msgs],
    // (the close frame comes alone, later: a ping read with it need not be
    // answered, RFC 6455 5.5.2, and wslay does not)
    'the same with a ping and a fragmented message among them' => [[
        $frames[0] . $frames[1] . ws_frame(WS_OP_PING, 'mid') . $frames[2] . $frames[3]
        . ws_frame(WS_OP_TEXT, 'frag', ['fin' => false]) . ws_frame(WS_OP_CONT, 'ment') . $frames[4]
        . $frames[5] . ws_frame(WS_OP_PING, 'end') . $frames[6] . $frames[7],
        '',
    ], array_merge(array_slice($msgs, 0, 4), [[WS_OP_TEXT, 'fragment']], array_slice($msgs, 4))],
    'a 70,000-byte frame in 9 reads, its 14-byte header in 4' => [array_merge(
        [substr($bigFrame, 0, 1), substr($bigFrame, 1, 2), substr($bigFrame, 3, 6), substr($bigFrame, 9, 5)],
        str_split(substr($bigFrame, 14), 14000)
    ), [[WS_OP_BINARY, $big]]],
    'a 16 KiB text frame in 3 reads, cut inside characters' => [
        str_split($t($text16k, 9), 5461), [[WS_OP_TEXT, $text16k]]],
    'exactly max_message_size, 64-bit length' => [[$b(str_repeat("\x5a", MAX), 11)], [[WS_OP_BINARY, str_repeat("\x5a", MAX)]]],
    'one byte over max_message_size' => [[$b(str_repeat('x', MAX + 1))], []],
    '16 KiB text, invalid UTF-8 in its last byte, after a valid message' => [
        [$t('first') . $t(substr($text16k, 0, 16383) . "\xff", 3)], [[WS_OP_TEXT, 'first']]],
    '16 KiB text, a surrogate after 8,001 ASCII bytes' => [[$t(str_repeat('a', 8001) . "\xed\xa0\x80" . str_repeat('b', 8380))], []],
    '16 KiB text, an overlong "/" in the middle' => [[$t(str_repeat('a', 8000) . "\xc0\xaf" . str_repeat('b', 8382))], []],
    '16 KiB text, a code point above U+10FFFF' => [[$t(str_repeat('a', 16000) . "\xf4\x90\x80\x80" . str_repeat('b', 380))], []],
    '16 KiB text ending inside a character' => [[$t(str_repeat('a', 16382) . "\xe2\x82")], []],
    'a 64-bit length under 65,536 (not minimal)' => [["\x82\xff" . pack('J', 200) . $key(0) . str_repeat('x', 200)], []],
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
-- one write: empty, 1, 125, 126, 65535, 65536 bytes, text and binary
client got: close 1000 ''
client: 8 of 8 echoes, 8 intact; EOF
server: onClose 1000
-- the same with a ping and a fragmented message among them
client got: close 1000 ''
client: 9 of 9 echoes, 9 intact, pongs mid end; EOF
server: onClose 1000
-- a 70,000-byte frame in 9 reads, its 14-byte header in 4
client got: close 1000 ''
client: 1 of 1 echoes, 1 intact; EOF
server: onClose 1000
-- a 16 KiB text frame in 3 reads, cut inside characters
client got: close 1000 ''
client: 1 of 1 echoes, 1 intact; EOF
server: onClose 1000
-- exactly max_message_size, 64-bit length
client got: close 1000 ''
client: 1 of 1 echoes, 1 intact; EOF
server: onClose 1000
-- one byte over max_message_size
client got: close 1009 ''
client: 0 of 0 echoes, 0 intact; EOF
server: onError getCode() 1009
server: onClose %d
-- 16 KiB text, invalid UTF-8 in its last byte, after a valid message
client got: close 1007 ''
client: 1 of 1 echoes, 1 intact; EOF
server: onError getCode() 1007
server: onClose %d
-- 16 KiB text, a surrogate after 8,001 ASCII bytes
client got: close 1007 ''
client: 0 of 0 echoes, 0 intact; EOF
server: onError getCode() 1007
server: onClose %d
-- 16 KiB text, an overlong "/" in the middle
client got: close 1007 ''
client: 0 of 0 echoes, 0 intact; EOF
server: onError getCode() 1007
server: onClose %d
-- 16 KiB text, a code point above U+10FFFF
client got: close 1007 ''
client: 0 of 0 echoes, 0 intact; EOF
server: onError getCode() 1007
server: onClose %d
-- 16 KiB text ending inside a character
client got: close 1007 ''
client: 0 of 0 echoes, 0 intact; EOF
server: onError getCode() 1007
server: onClose %d
-- a 64-bit length under 65,536 (not minimal)
client got: close 1002 ''
client: 0 of 0 echoes, 0 intact; EOF
server: onError getCode() 1002
server: onClose %d
-- log
async: WebSocket connection 127.0.0.1:%d closed with 1009: %s
async: WebSocket connection 127.0.0.1:%d closed with 1007: %s
async: WebSocket connection 127.0.0.1:%d closed with 1007: %s
async: WebSocket connection 127.0.0.1:%d closed with 1007: %s
async: WebSocket connection 127.0.0.1:%d closed with 1007: %s
async: WebSocket connection 127.0.0.1:%d closed with 1007: %s
async: WebSocket connection 127.0.0.1:%d closed with 1002: %s
