--TEST--
Async\WebSocket\Connection: close() refuses codes an endpoint may not send, reasons over 123 bytes and invalid UTF-8; send() refuses invalid UTF-8, sendBinary() takes it
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
$server = ws_server([
    'open' => function ($conn) {
        // RFC 6455 7.4.1/7.4.2: 1004-1006 and 1015 are reserved, <1000 unused, >4999 out of range
        foreach ([999, 0, -1, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65536 + 1000] as $code) {
            show_error(function () use ($conn, $code) { $conn->close($code); });
        }
        show_error(function () use ($conn) { $conn->close(1000, str_repeat('r', 124)); });
        show_error(function () use ($conn) { $conn->close(1000, "bad \xff utf-8"); });
        show_error(function () use ($conn) { $conn->close(1000, "\xc0\xaf overlong"); });
        show_error(function () use ($conn) { $conn->close(1000, "\xed\xa0\x80 surrogate"); });
        show_error(function () use ($conn) { $conn->send("bad \xff utf-8"); });
        show_error(function () use ($conn) { $conn->send("cut \xe2\x9c"); });
        show_error(function () use ($conn) { $conn->send("\xf4\x90\x80\x80 above U+10FFFF"); });
        echo "still open: ", var_export($conn->isOpen(), true), "\n";
        $conn->send("valid: \xe2\x9c\x93 \xf0\x9f\x98\x80");
        $conn->sendBinary("bad \xff utf-8");
        // the longest reason allowed, with a multi-byte character at its end
        $conn->close(1000, str_repeat('r', 120) . "\xe2\x9c\x93");
    },
    'close' => function ($conn, $code, $reason) use (&$server) {
        echo "server: onClose $code, reason ", strlen($reason), " bytes\n";
        ws_stop($server);
    },
]);

$client = <<<'JS'
const ws = new WebSocket(URL);
ws.on('message', (d, binary) => out('message', binary, binary ? d.toString('hex') : d.toString()));
ws.on('close', (code, reason) => out('close', code, reason.length, reason.toString().slice(-1)));
ws.on('error', (e) => out('error', e.message));
JS;
ws_node($client, $server->address(), [], null, function ($code, $node) {
    echo implode("\n", $node->lines), "\nnode exit $code\n";
});
Loop::run();
?>
--EXPECT--
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), 999 given
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), 0 given
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), -1 given
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), 1004 given
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), 1005 given
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), 1006 given
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), 1015 given
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), 1016 given
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), 2999 given
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), 5000 given
ValueError: Async\WebSocket\Connection::close(): Argument #1 ($code) must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), 66536 given
ValueError: Async\WebSocket\Connection::close(): Argument #2 ($reason) must be at most 123 bytes
ValueError: Async\WebSocket\Connection::close(): Argument #2 ($reason) must be valid UTF-8
ValueError: Async\WebSocket\Connection::close(): Argument #2 ($reason) must be valid UTF-8
ValueError: Async\WebSocket\Connection::close(): Argument #2 ($reason) must be valid UTF-8
ValueError: Async\WebSocket\Connection::send(): Argument #1 ($data) must be valid UTF-8 (use sendBinary() for other bytes)
ValueError: Async\WebSocket\Connection::send(): Argument #1 ($data) must be valid UTF-8 (use sendBinary() for other bytes)
ValueError: Async\WebSocket\Connection::send(): Argument #1 ($data) must be valid UTF-8 (use sendBinary() for other bytes)
still open: true
server: onClose 1000, reason 123 bytes
message false valid: ✓ 😀
message true 62616420ff207574662d38
close 1000 123 ✓
node exit 0
