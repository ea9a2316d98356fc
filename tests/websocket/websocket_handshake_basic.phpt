--TEST--
Async\WebSocketServer: the opening handshake over a raw socket: a request written one byte at a time, RFC 6455's sample key and accept value, "Connection: keep-alive, Upgrade" with lower-case names, a frame in the same write as the request
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
$server = ws_server([
    'open' => function ($conn) { echo "server: onOpen ", $conn->id(), "\n"; },
    'message' => function ($conn, $data) { echo "server: onMessage '$data'\n"; $conn->send("echo: $data"); },
    'close' => function ($conn, $code, $reason) { echo "server: onClose ", $conn->id(), " $code '$reason'\n"; },
]);
$addr = $server->address();

function show_101(array $head): void
{
    echo $head['line'], "\n";
    foreach (['upgrade', 'connection', 'sec-websocket-accept', 'sec-websocket-protocol'] as $h) {
        if (isset($head['headers'][$h])) {
            echo "  $h: ", $head['headers'][$h], "\n";
        }
    }
}

/* Sends a text frame, prints its echo, closes, prints the close answer and EOF. */
function talk(WsRaw $raw, string $text, callable $then): void
{
    $raw->write(ws_frame(WS_OP_TEXT, $text));
    $raw->whenFrame(function ($f) use ($raw, $then) {
        echo "client: ", ws_describe_frame($f), ": ", $f['payload'], "\n";
        $raw->write(ws_frame(WS_OP_CLOSE, ws_close_payload(1000, 'ok')));
        $raw->whenFrame(function ($f) use ($raw, $then) {
            echo "client: ", ws_describe_frame($f), "\n";
            $raw->whenEof(function () use ($raw, $then) {
                echo "client: EOF\n";
                $raw->close();
                $then();
            });
        });
    });
}

$steps = [
    function ($next) use ($addr) {
        echo "-- one byte per write\n";
        $raw = new WsRaw($addr);
        $request = ws_request('/chat');
        $raw->trickle($request, 0.001);
        $raw->whenResponse(function ($head) use ($raw, $next) {
            show_101($head);
            var_dump($head['headers']['sec-websocket-accept'] === WS_SAMPLE_ACCEPT);
            talk($raw, 'trickled', $next);
        });
    },
    function ($next) use ($addr) {
        echo "-- lower-case names, Connection: keep-alive, Upgrade\n";
        $raw = new WsRaw($addr);
        $raw->write("GET / HTTP/1.1\r\nhost: localhost\r\nupgrade: WebSocket\r\nconnection: keep-alive, Upgrade\r\n"
            . "sec-websocket-version: 13\r\nsec-websocket-key: AQIDBAUGBwgJCgsMDQ4PEA==\r\n\r\n");
        $raw->whenResponse(function ($head) use ($raw, $next) {
            show_101($head);
            // base64(sha1("AQIDBAUGBwgJCgsMDQ4PEA==" . RFC 6455's GUID))
            var_dump($head['headers']['sec-websocket-accept']
                === base64_encode(sha1('AQIDBAUGBwgJCgsMDQ4PEA==258EAFA5-E914-47DA-95CA-C5AB0DC85B11', true)));
            talk($raw, 'lower', $next);
        });
    },
    function ($next) use ($addr) {
        echo "-- the request and a first frame in one write\n";
        $raw = new WsRaw($addr);
        $raw->write(ws_request('/') . ws_frame(WS_OP_TEXT, 'pipelined'));
        $raw->whenResponse(function ($head) use ($raw, $next) {
            show_101($head);
            $raw->whenFrame(function ($f) use ($raw, $next) {
                echo "client: ", ws_describe_frame($f), ": ", $f['payload'], "\n";
                $raw->close();
                $next();
            });
        });
    },
];
$run = function () use (&$run, &$steps, $server) {
    $step = array_shift($steps);
    if ($step) {
        $step($run);
    } else {
        ws_stop($server, 1.0, function () { echo "stopped\n"; });
    }
};
$run();
Loop::run();
?>
--EXPECT--
-- one byte per write
server: onOpen 1
HTTP/1.1 101 Switching Protocols
  upgrade: websocket
  connection: Upgrade
  sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=
bool(true)
server: onMessage 'trickled'
client: text 14 bytes: echo: trickled
server: onClose 1 1000 'ok'
client: close 1000 'ok'
client: EOF
-- lower-case names, Connection: keep-alive, Upgrade
server: onOpen 2
HTTP/1.1 101 Switching Protocols
  upgrade: websocket
  connection: Upgrade
  sec-websocket-accept: C/0nmHhBztSRGR1CwL6Tf4ZjwpY=
bool(true)
server: onMessage 'lower'
client: text 11 bytes: echo: lower
server: onClose 2 1000 'ok'
client: close 1000 'ok'
client: EOF
-- the request and a first frame in one write
server: onOpen 3
server: onMessage 'pipelined'
HTTP/1.1 101 Switching Protocols
  upgrade: websocket
  connection: Upgrade
  sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=
client: text 15 bytes: echo: pipelined
server: onClose 3 1006 ''
stopped
