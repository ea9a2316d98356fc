--TEST--
Async\WebSocketServer::broadcast(): every open connection gets the message, but those in $except (Connection objects or ids); returns the number of recipients; $binary picks the frame type
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
$stopping = false;
$server = ws_server([
    'message' => function ($conn, $data) use (&$server) {
        if ($data !== 'ready') {
            return;
        }
        $c = $server->connections();
        echo "open: ", implode(',', array_keys($c)), "\n";
        echo "to all: ", $server->broadcast('to all'), "\n";
        echo "except object 1: ", $server->broadcast('not to 1', false, [$c[1]]), "\n";
        echo "except id 2, binary: ", $server->broadcast("\x00\xffbin", true, [2]), "\n";
        echo "except all three: ", $server->broadcast('to nobody', false, [$c[1], 2, $c[3]]), "\n";
        echo "except an unknown id: ", $server->broadcast('', false, [99]), "\n";
        echo "100 KiB: ", $server->broadcast(str_repeat('x', 102400), true, [1, 2]), "\n";
        show_error(function () use ($server) { $server->broadcast('x', false, ['1']); });
        show_error(function () use ($server) { $server->broadcast('x', false, [new stdClass]); });
        // then one last message to each: a client that got it got all broadcasts before it
        foreach ($c as $conn) {
            $conn->send('end');
        }
    },
    'close' => function ($conn) use (&$server, &$stopping) {
        if (!$server->connections() && !$stopping) {
            $stopping = true;
            // nobody is open: nothing to send to
            echo "to nobody: ", $server->broadcast('late'), "\n";
            ws_stop($server);
        }
    },
]);

// three sockets, opened one after the other (ids 1, 2, 3 are a, b, c)
$client = <<<'JS'
const names = ['a', 'b', 'c'];
const got = { a: [], b: [], c: [] };
const socks = [];
let ended = 0;
function open(i) {
    const ws = new WebSocket(URL);
    socks.push(ws);
    ws.on('open', () => {
        if (i < 2) open(i + 1); else ws.send('ready');
    });
    ws.on('message', (d, binary) => {
        if (d.toString() === 'end') {
            if (++ended === 3) {
                for (const n of names) out(n + ':', got[n].join(' | '));
                for (const s of socks) s.close();
            }
            return;
        }
        got[names[i]].push((binary ? 'binary ' : 'text ') + (d.length > 100 ? d.length + ' bytes' : JSON.stringify(d.toString('latin1'))));
    });
}
open(0);
JS;
ws_node($client, $server->address(), [], null, function ($code, $node) {
    echo implode("\n", $node->lines), "\nnode exit $code\n";
});
Loop::run();
?>
--EXPECT--
open: 1,2,3
to all: 3
except object 1: 2
except id 2, binary: 2
except all three: 0
except an unknown id: 3
100 KiB: 1
TypeError: Async\WebSocketServer::broadcast(): Argument #3 ($except) must hold Connection objects or connection ids
TypeError: Async\WebSocketServer::broadcast(): Argument #3 ($except) must hold Connection objects or connection ids
to nobody: 0
a: text "to all" | binary "\u0000ÿbin" | text ""
b: text "to all" | text "not to 1" | text ""
c: text "to all" | text "not to 1" | binary "\u0000ÿbin" | text "" | binary 102400 bytes
node exit 0
