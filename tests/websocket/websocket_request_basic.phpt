--TEST--
Async\WebSocket\Request: method, path, query string, query() as parse_str(), headers with lower-case names, header() case-insensitive, url-decoded cookies, remoteAddress()
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
$remote = [];
$server = ws_server([
    'open' => function ($conn) use (&$remote) {
        $r = $conn->request();
        echo "-- connection ", $conn->id(), "\n";
        var_dump($r === $conn->request());
        echo "method: ", $r->method(), "\n";
        echo "path: ", $r->path(), "\n";
        echo "queryString: ", $r->queryString(), "\n";
        parse_str($r->queryString(), $expected);
        echo "query() === parse_str(): ", var_export($r->query() === $expected, true), "\n";
        echo "query(): ", json_encode($r->query()), "\n";
        $headers = $r->headers();
        ksort($headers);
        unset($headers['sec-websocket-key'], $headers['sec-websocket-extensions']);
        echo "headers(): ", json_encode($headers), "\n";
        echo "header('X-FOO'): ", var_export($r->header('X-FOO'), true), "\n";
        echo "header('x-foo'): ", var_export($r->header('x-foo'), true), "\n";
        echo "header('Missing'): ", var_export($r->header('Missing'), true), "\n";
        echo "cookies(): ", json_encode($r->cookies()), "\n";
        echo "subprotocol(): ", var_export($r->subprotocol(), true), "\n";
        $remote[$conn->id()] = $conn->remoteAddress();
        $conn->close();
    },
]);
$addr = $server->address();
$ports = [];

// a real client
$client = <<<'JS'
const ws = new WebSocket('ws://' + ADDR + '/room/42?a=1&b[]=x&b[]=y&c=%20z+w&d', {
    headers: { 'X-Foo': 'bar', 'Cookie': 'sid=abc%20def; theme=dark; empty=; sid=second' },
});
ws.on('open', () => out('port', ws._socket.localPort));
ws.on('close', (code) => out('close', code));
ws.on('error', (e) => out('error', e.message));
JS;
ws_node($client, $addr, [], null, function ($code, $node) use (&$ports, $addr, $server, &$remote) {
    foreach ($node->lines as $line) {
        if (strpos($line, 'port ') === 0) {
            $ports[1] = (int) substr($line, 5);
        } else {
            echo "node: $line\n";
        }
    }
    // a raw client with repeated headers and a query without a path
    $raw = new WsRaw($addr);
    $ports[2] = (int) explode(':', stream_socket_get_name($raw->stream, false))[1];
    $raw->write(ws_request('/?x=%41&x=2', [
        'X-Foo' => 'one',
        'x-foo: two',
        'Cookie' => 'a=1',
        'cookie: b=%E2%9C%93',
        'Accept-Language: en',
    ]));
    // answer the server's close, then wait for it to hang up
    $raw->whenResponse(function ($head) use ($raw) {
        echo "raw: ", $head['line'], "\n";
        $raw->whenFrame(function ($f) use ($raw) {
            echo "raw: ", ws_describe_frame($f), "\n";
            $raw->write(ws_frame(WS_OP_CLOSE, ws_close_payload($f['code'])));
        });
    });
    $raw->whenEof(function () use ($raw, $server, &$ports, &$remote) {
        $raw->close();
        echo "-- remoteAddress()\n";
        foreach ($remote as $id => $address) {
            echo "$id: ", var_export($address === "127.0.0.1:" . $ports[$id], true), "\n";
        }
        ws_stop($server);
    });
});
Loop::run();
?>
--EXPECTF--
-- connection 1
bool(true)
method: GET
path: /room/42
queryString: a=1&b[]=x&b[]=y&c=%20z+w&d
query() === parse_str(): true
query(): {"a":"1","b":["x","y"],"c":" z w","d":""}
headers(): {"connection":"Upgrade","cookie":"sid=abc%20def; theme=dark; empty=; sid=second","host":"127.0.0.1:%d","sec-websocket-version":"13","upgrade":"websocket","x-foo":"bar"}
header('X-FOO'): 'bar'
header('x-foo'): 'bar'
header('Missing'): NULL
cookies(): {"sid":"abc def","theme":"dark","empty":""}
subprotocol(): NULL
node: close 1000
-- connection 2
bool(true)
method: GET
path: /
queryString: x=%41&x=2
query() === parse_str(): true
query(): {"x":"2"}
headers(): {"accept-language":"en","connection":"Upgrade","cookie":"a=1; b=%E2%9C%93","host":"127.0.0.1","sec-websocket-version":"13","upgrade":"websocket","x-foo":"one, two"}
header('X-FOO'): 'one, two'
header('x-foo'): 'one, two'
header('Missing'): NULL
cookies(): {"a":"1","b":"\u2713"}
subprotocol(): NULL
raw: HTTP/1.1 101 Switching Protocols
raw: close 1000 ''
-- remoteAddress()
1: true
2: true
