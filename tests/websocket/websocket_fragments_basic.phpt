--TEST--
Async\WebSocketServer: a message Node's ws sends in fragments (fin: false) reaches onMessage once, reassembled; a ping between fragments is answered
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
    'message' => function ($conn, $data, $binary) {
        echo "server: onMessage ", $binary ? "binary " . bin2hex($data) : "text '$data'", "\n";
        $conn->send("got " . strlen($data));
    },
    'close' => function ($conn, $code) use (&$server) {
        echo "server: onClose $code\n";
        ws_stop($server);
    },
]);

$client = <<<'JS'
const ws = new WebSocket(URL);
let n = 0;
ws.on('open', () => {
    // text, with "é" (c3 a9) split between two fragments, and an empty fragment
    ws.send(Buffer.from('caf\xc3', 'latin1'), { fin: false, binary: false });
    ws.send('', { fin: false, binary: false });
    ws.ping('mid');
    ws.send(Buffer.from('\xa9 au lait', 'latin1'), { fin: true, binary: false });
    // binary in three fragments
    ws.send(Buffer.from([0, 1]), { fin: false, binary: true });
    ws.send(Buffer.from([0xfe]), { fin: false, binary: true });
    ws.send(Buffer.from([0xff]), { fin: true, binary: true });
    // a one-fragment message after them
    ws.send('single');
});
ws.on('pong', (d) => out('pong', d.toString()));
ws.on('message', (d) => { out('echo', d.toString()); if (++n === 3) ws.close(1000); });
ws.on('close', (code) => out('close', code));
ws.on('error', (e) => out('error', e.message));
JS;
ws_node($client, $server->address(), [], null, function ($code, $node) {
    echo implode("\n", $node->lines), "\nnode exit $code\n";
});
Loop::run();
?>
--EXPECT--
server: onMessage text 'café au lait'
server: onMessage binary 0001feff
server: onMessage text 'single'
server: onClose 1000
pong mid
echo got 13
echo got 4
echo got 6
close 1000
node exit 0
