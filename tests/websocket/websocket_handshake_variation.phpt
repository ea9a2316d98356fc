--TEST--
Async\WebSocketServer: allowed_origins (403 for another or no Origin, 101 for a listed one, any case) and subprotocols (the server's first choice among those offered, echoed in the response and by request()->subprotocol(), also after the close)
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
ws_error_log_start();
$conns = [];
$server = ws_server([
    'open' => function ($conn) use (&$conns) {
        $conns[] = $conn;
        echo "server: onOpen, Origin ", $conn->request()->header('origin'), "\n";
    },
], ['allowed_origins' => ['https://good.example', 'http://also.example:8080']]);
$addr = $server->address();
$protoConns = [];
$protoServer = ws_server([
    'open' => function ($conn) use (&$protoConns) {
        // request() is made on first use: only some connections make it now
        if (count($protoConns) % 2 === 0) {
            echo "server: subprotocol ", var_export($conn->request()->subprotocol(), true), "\n";
        }
        $protoConns[] = $conn;
    },
], ['subprotocols' => ['v2', 'chat']]);
$protoAddr = $protoServer->address();

$cases = [
    ['origin: none', $addr, ws_request('/')],
    ['origin: another', $addr, ws_request('/', ['Origin' => 'https://evil.example'])],
    ['origin: a prefix of a listed one', $addr, ws_request('/', ['Origin' => 'https://good.example.com'])],
    ['origin: listed', $addr, ws_request('/', ['Origin' => 'https://good.example'])],
    ['origin: listed, other case', $addr, ws_request('/', ['Origin' => 'HTTP://ALSO.example:8080'])],
    ['subprotocol: none offered', $protoAddr, ws_request('/')],
    ['subprotocol: chat', $protoAddr, ws_request('/', ['Sec-WebSocket-Protocol' => 'chat'])],
    ['subprotocol: chat, v2 (the server prefers v2)', $protoAddr, ws_request('/', ['Sec-WebSocket-Protocol' => 'chat, v2'])],
    ['subprotocol: two headers', $protoAddr, ws_request('/', ['Sec-WebSocket-Protocol' => 'x', 'Sec-WebSocket-Protocol: chat'])],
    ['subprotocol: only unknown ones (no header, no failure)', $protoAddr, ws_request('/', ['Sec-WebSocket-Protocol' => 'mqtt, CHAT'])],
];
$raws = [];
$next = function () use (&$next, &$cases, &$raws) {
    if (!$cases) {
        nodeStep();
        return;
    }
    [$name, $address, $request] = array_shift($cases);
    echo "-- $name\n";
    $raw = new WsRaw($address);
    $raws[] = $raw;
    $raw->write($request);
    $raw->whenResponse(function ($head) use ($next) {
        echo $head['line'], "\n";
        if (isset($head['headers']['sec-websocket-protocol'])) {
            echo "Sec-WebSocket-Protocol: ", $head['headers']['sec-websocket-protocol'], "\n";
        }
        if ($head['status'] !== 101) {
            echo "body: ", $head['body'];
        }
        $next();
    });
};

function nodeStep(): void
{
    global $protoAddr, $protoServer, $server, $raws, $protoConns;
    echo "-- Node's ws with protocols ['chat', 'other']\n";
    $client = <<<'JS'
const ws = new WebSocket(URL, ['chat', 'other'], { origin: 'https://good.example' });
ws.on('open', () => { out('protocol', ws.protocol); ws.close(); });
ws.on('close', (code) => out('close', code));
ws.on('error', (e) => out('error', e.message));
JS;
    ws_node($client, $protoAddr, [], null, function ($code, $node) use ($protoServer, $server, $raws, &$protoConns) {
        echo implode("\n", $node->lines), "\nnode exit $code\n";
        foreach ($raws as $raw) {
            $raw->close();
        }
        $stopped = 0;
        $done = function () use (&$stopped, &$protoConns) {
            if (++$stopped < 2) {
                return;
            }
            echo "-- log\n", implode("\n", ws_error_log()), "\n";
            // Request is made on first use: the subprotocol must not depend on when
            echo "-- request()->subprotocol() after the server stopped\n";
            foreach ($protoConns as $conn) {
                echo $conn->id(), ": ", var_export($conn->isOpen(), true), " ", var_export($conn->request()->subprotocol(), true), "\n";
            }
        };
        ws_stop($server, 1.0, $done);
        ws_stop($protoServer, 1.0, $done);
    });
}
$next();
Loop::run();
?>
--EXPECTF--
-- origin: none
HTTP/1.1 403 Forbidden
body: the Origin is not allowed
-- origin: another
HTTP/1.1 403 Forbidden
body: the Origin is not allowed
-- origin: a prefix of a listed one
HTTP/1.1 403 Forbidden
body: the Origin is not allowed
-- origin: listed
server: onOpen, Origin https://good.example
HTTP/1.1 101 Switching Protocols
-- origin: listed, other case
server: onOpen, Origin HTTP://ALSO.example:8080
HTTP/1.1 101 Switching Protocols
-- subprotocol: none offered
server: subprotocol NULL
HTTP/1.1 101 Switching Protocols
-- subprotocol: chat
HTTP/1.1 101 Switching Protocols
Sec-WebSocket-Protocol: chat
-- subprotocol: chat, v2 (the server prefers v2)
server: subprotocol 'v2'
HTTP/1.1 101 Switching Protocols
Sec-WebSocket-Protocol: v2
-- subprotocol: two headers
HTTP/1.1 101 Switching Protocols
Sec-WebSocket-Protocol: chat
-- subprotocol: only unknown ones (no header, no failure)
server: subprotocol NULL
HTTP/1.1 101 Switching Protocols
-- Node's ws with protocols ['chat', 'other']
protocol chat
close 1005
node exit 0
-- log
async: WebSocket handshake from 127.0.0.1:%d refused with 403: the Origin is not allowed
async: WebSocket handshake from 127.0.0.1:%d refused with 403: the Origin is not allowed
async: WebSocket handshake from 127.0.0.1:%d refused with 403: the Origin is not allowed
-- request()->subprotocol() after the server stopped
1: false NULL
2: false 'chat'
3: false 'v2'
4: false 'chat'
5: false NULL
6: false 'chat'
