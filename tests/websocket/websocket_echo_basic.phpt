--TEST--
Async\WebSocketServer: Node's ws gets every message echoed: text, binary (every byte value kept), empty ones, and a long run in order
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
// fewer messages under valgrind/ASan (USE_ZEND_ALLOC=0), which are ~20x slower
$count = ws_pick(1000, 200);
$server = ws_server([
    'message' => function ($conn, $data, $binary) {
        // every message back as it came, and what the server saw of it
        if ($binary) {
            $conn->sendBinary($data);
        } else {
            $conn->send($data);
        }
    },
    'close' => function ($conn, $code, $reason) use (&$server) {
        echo "server: onClose $code '$reason'\n";
        ws_stop($server, 1.0, function () { echo "server: stopped\n"; });
    },
]);

$client = <<<'JS'
const count = +ARGS[0];
const all = Buffer.alloc(256);
for (let i = 0; i < 256; i++) all[i] = i;
const ws = new WebSocket(URL);
const got = [];
ws.on('open', () => {
    ws.send('hello, wörld ✓');
    ws.send(all);
    ws.send('');
    ws.send(Buffer.alloc(0));
    ws.send(Buffer.from([0, 0xff, 0, 0xff]));
    for (let i = 0; i < count; i++) ws.send('message ' + i);
});
ws.on('message', (data, binary) => {
    got.push([data, binary]);
    if (got.length < 5) return;
    if (got.length === 5) {
        out('text:', JSON.stringify(got[0][0].toString()), got[0][1]);
        out('all 256 byte values:', Buffer.compare(got[1][0], all) === 0, got[1][1]);
        out('empty text:', got[2][0].length, got[2][1]);
        out('empty binary:', got[3][0].length, got[3][1]);
        out('nul and ff:', got[4][0].toString('hex'), got[4][1]);
        return;
    }
    if (got.length === 5 + count) {
        let inOrder = true;
        for (let i = 0; i < count; i++) {
            if (got[5 + i][0].toString() !== 'message ' + i || got[5 + i][1]) inOrder = false;
        }
        out('the run, in order:', inOrder);
        ws.close(1000, 'done');
    }
});
ws.on('close', (code, reason) => out('close', code, reason.toString()));
ws.on('error', (e) => out('error', e.message));
JS;
ws_node($client, $server->address(), [$count], null, function ($code, $node) {
    echo implode("\n", $node->lines), "\n";
    echo "node exit $code\n";
});
Loop::run();
echo "done\n";
?>
--EXPECT--
server: onClose 1000 'done'
server: stopped
text: "hello, wörld ✓" false
all 256 byte values: true true
empty text: 0 false
empty binary: 0 true
nul and ff: 00ff00ff true
the run, in order: true
close 1000 done
node exit 0
done
