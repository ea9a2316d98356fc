--TEST--
Async\WebSocketServer: handshakes refused with an HTTP error, a text body and a closed connection (426, 405, 400, 431, 505), each logged; onOpen never runs
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
$server = ws_server([
    'open' => function ($conn) { echo "onOpen must not run\n"; },
], ['max_header_size' => 2048]);
$addr = $server->address();

$cases = [
    'version 8' => ws_request('/', ['Sec-WebSocket-Version' => '8']),
    'plain GET, no Upgrade' => "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n\r\n",
    'POST' => ws_request('/', [], 'POST'),
    'bad key' => ws_request('/', ['Sec-WebSocket-Key' => 'not-a-key']),
    'key of 15 bytes' => ws_request('/', ['Sec-WebSocket-Key' => base64_encode(str_repeat('k', 15))]),
    'no key' => ws_request('/', ['Sec-WebSocket-Key' => null]),
    'no Connection: Upgrade' => ws_request('/', ['Connection' => 'keep-alive']),
    'Upgrade: h2c' => ws_request('/', ['Upgrade' => 'h2c']),
    'no Host' => ws_request('/', ['Host' => null]),
    'HTTP/1.0' => ws_request('/', [], 'GET', 'HTTP/1.0'),
    'HTTP/2.0' => ws_request('/', [], 'GET', 'HTTP/2.0'),
    'absolute URI' => ws_request('http://example.com/'),
    'garbage' => "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not HTTP\r\n\r\n",
    'two keys' => ws_request('/', ['Sec-WebSocket-Key: ' . base64_encode(str_repeat('2', 16))]),
    'folded header line' => ws_request('/', ['X-Folded: a', ' b']),
    '101 header lines' => ws_request('/', array_fill(0, 101, 'X-Many: 1')),
    'head over max_header_size' => ws_request('/', ['X-Pad' => str_repeat('p', 2100)]),
    'head over max_header_size, never ending' => "GET / HTTP/1.1\r\nX-Pad: " . str_repeat('p', 4000),
];
$next = function () use (&$next, &$cases, $addr, $server) {
    if (!$cases) {
        echo "-- log\n", implode("\n", ws_error_log()), "\n";
        ws_stop($server);
        return;
    }
    $name = key($cases);
    $request = array_shift($cases);
    echo "-- $name\n";
    $raw = new WsRaw($addr);
    $raw->write($request);
    $raw->whenResponse(function ($head) use ($raw, $next) {
        echo $head['line'], "\n";
        foreach (['sec-websocket-version', 'upgrade', 'allow', 'connection', 'content-type'] as $h) {
            if (isset($head['headers'][$h])) {
                echo "$h: ", $head['headers'][$h], "\n";
            }
        }
        echo "body: ", $head['body'];
        $raw->whenEof(function () use ($raw, $next) {
            echo "EOF, nothing more: ", var_export($raw->buf === '', true), "\n";
            $raw->close();
            $next();
        });
    });
};
$next();
Loop::run();
?>
--EXPECTF--
-- version 8
HTTP/1.1 426 Upgrade Required
sec-websocket-version: 13
upgrade: websocket
connection: close
content-type: text/plain; charset=utf-8
body: only WebSocket version 13 is supported
EOF, nothing more: true
-- plain GET, no Upgrade
HTTP/1.1 426 Upgrade Required
sec-websocket-version: 13
upgrade: websocket
connection: close
content-type: text/plain; charset=utf-8
body: this is a WebSocket endpoint: send an Upgrade: websocket request
EOF, nothing more: true
-- POST
HTTP/1.1 405 Method Not Allowed
allow: GET
connection: close
content-type: text/plain; charset=utf-8
body: a WebSocket handshake is a GET request
EOF, nothing more: true
-- bad key
HTTP/1.1 400 Bad Request
connection: close
content-type: text/plain; charset=utf-8
body: Sec-WebSocket-Key must be the base64 of 16 bytes
EOF, nothing more: true
-- key of 15 bytes
HTTP/1.1 400 Bad Request
connection: close
content-type: text/plain; charset=utf-8
body: Sec-WebSocket-Key must be the base64 of 16 bytes
EOF, nothing more: true
-- no key
HTTP/1.1 400 Bad Request
connection: close
content-type: text/plain; charset=utf-8
body: Sec-WebSocket-Key must be the base64 of 16 bytes
EOF, nothing more: true
-- no Connection: Upgrade
HTTP/1.1 400 Bad Request
connection: close
content-type: text/plain; charset=utf-8
body: the Connection header must include Upgrade
EOF, nothing more: true
-- Upgrade: h2c
HTTP/1.1 400 Bad Request
connection: close
content-type: text/plain; charset=utf-8
body: the Upgrade header must name websocket
EOF, nothing more: true
-- no Host
HTTP/1.1 400 Bad Request
connection: close
content-type: text/plain; charset=utf-8
body: the Host header is missing
EOF, nothing more: true
-- HTTP/1.0
HTTP/1.1 505 HTTP Version Not Supported
connection: close
content-type: text/plain; charset=utf-8
body: a WebSocket handshake needs HTTP/1.1
EOF, nothing more: true
-- HTTP/2.0
HTTP/1.1 505 HTTP Version Not Supported
connection: close
content-type: text/plain; charset=utf-8
body: a WebSocket handshake needs HTTP/1.1
EOF, nothing more: true
-- absolute URI
HTTP/1.1 400 Bad Request
connection: close
content-type: text/plain; charset=utf-8
body: the request target must be a path (origin-form)
EOF, nothing more: true
-- garbage
HTTP/1.1 400 Bad Request
connection: close
content-type: text/plain; charset=utf-8
body: %s
EOF, nothing more: true
-- two keys
HTTP/1.1 400 Bad Request
connection: close
content-type: text/plain; charset=utf-8
body: more than one Sec-WebSocket-Key header
EOF, nothing more: true
-- folded header line
HTTP/1.1 400 Bad Request
connection: close
content-type: text/plain; charset=utf-8
body: obsolete header line folding is not allowed
EOF, nothing more: true
-- 101 header lines
HTTP/1.1 431 Request Header Fields Too Large
connection: close
content-type: text/plain; charset=utf-8
body: too many header fields
EOF, nothing more: true
-- head over max_header_size
HTTP/1.1 431 Request Header Fields Too Large
connection: close
content-type: text/plain; charset=utf-8
body: the request head is larger than max_header_size
EOF, nothing more: true
-- head over max_header_size, never ending
HTTP/1.1 431 Request Header Fields Too Large
connection: close
content-type: text/plain; charset=utf-8
body: the request head is larger than max_header_size
EOF, nothing more: true
-- log
async: WebSocket handshake from 127.0.0.1:%d refused with 426: only WebSocket version 13 is supported
async: WebSocket handshake from 127.0.0.1:%d refused with 426: this is a WebSocket endpoint: send an Upgrade: websocket request
async: WebSocket handshake from 127.0.0.1:%d refused with 405: a WebSocket handshake is a GET request
async: WebSocket handshake from 127.0.0.1:%d refused with 400: Sec-WebSocket-Key must be the base64 of 16 bytes
async: WebSocket handshake from 127.0.0.1:%d refused with 400: Sec-WebSocket-Key must be the base64 of 16 bytes
async: WebSocket handshake from 127.0.0.1:%d refused with 400: Sec-WebSocket-Key must be the base64 of 16 bytes
async: WebSocket handshake from 127.0.0.1:%d refused with 400: the Connection header must include Upgrade
async: WebSocket handshake from 127.0.0.1:%d refused with 400: the Upgrade header must name websocket
async: WebSocket handshake from 127.0.0.1:%d refused with 400: the Host header is missing
async: WebSocket handshake from 127.0.0.1:%d refused with 505: a WebSocket handshake needs HTTP/1.1
async: WebSocket handshake from 127.0.0.1:%d refused with 505: a WebSocket handshake needs HTTP/1.1
async: WebSocket handshake from 127.0.0.1:%d refused with 400: the request target must be a path (origin-form)
async: WebSocket handshake from 127.0.0.1:%d refused with 400: %s
async: WebSocket handshake from 127.0.0.1:%d refused with 400: more than one Sec-WebSocket-Key header
async: WebSocket handshake from 127.0.0.1:%d refused with 400: obsolete header line folding is not allowed
async: WebSocket handshake from 127.0.0.1:%d refused with 431: too many header fields
async: WebSocket handshake from 127.0.0.1:%d refused with 431: the request head is larger than max_header_size
async: WebSocket handshake from 127.0.0.1:%d refused with 431: the request head is larger than max_header_size
