--TEST--
Async\WebSocketServer: during a stream of broadcasts, a Node client that stops reading is closed with 1008 (send_buffer_limit) and sees that code once it reads again, while a client that keeps up gets every message
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(8);
ws_error_log_start();
$size = 65536;
$server = ws_server([
    'message' => function ($conn, $data) use (&$server, $size) {
        if ($data !== 'both open') {
            return;
        }
        // 64 KiB broadcasts every 2 ms until the slow client (id 1) is cut off, then 10 more
        $n = 0;
        $after = 0;
        Loop::repeat(0.002, function ($id) use (&$server, &$n, &$after, $size) {
            $slowOpen = isset($server->connections()[1]);
            if (!$slowOpen && ++$after > 10 || $n >= 400) {
                Loop::cancel($id);
                echo "server: the slow client was cut off: ", var_export(!$slowOpen, true), "\n";
                $server->connections()[2]->send("end $n");
                return;
            }
            $server->broadcast(sprintf('%08d', $n) . str_repeat(chr(65 + $n % 26), $size - 8));
            $n++;
        });
    },
    'close' => function ($conn, $code, $reason) use (&$server, &$stopping) {
        $GLOBALS['closes'][$conn->id()] = "server: onClose " . $conn->id() . " $code\n";
        if (!$server->connections() && !$stopping) {
            $stopping = true;
            ws_stop($server);
        }
    },
], ['send_buffer_limit' => 1 << 20]);
$stopping = false;
$closes = [];

$client = <<<'JS'
const slow = new WebSocket(URL);
let fast, slowGot = 0, fastGot = 0, fastBad = 0;
slow.on('open', () => {
    slow._socket.pause();
    fast = new WebSocket(URL);
    fast.on('open', () => fast.send('both open'));
    fast.on('message', (d) => {
        const s = d.toString();
        if (s.startsWith('end ')) {
            const n = +s.slice(4);
            out('fast: got every message, in order:', fastGot === n && fastBad === 0, 'more than 20:', n > 20);
            // now the slow one reads again
            slow._socket.resume();
            return;
        }
        if (+s.slice(0, 8) !== fastGot || s.length !== 65536) fastBad++;
        fastGot++;
    });
    fast.on('close', (code) => { out('fast: close', code); process.exit(0); });
});
slow.on('message', () => slowGot++);
slow.on('error', (e) => out('slow: error', e.message));
slow.on('close', (code, reason) => {
    out('slow: close', code, JSON.stringify(reason.toString()), 'after some messages:', slowGot > 0);
    fast.close();
});
JS;
ws_node($client, $server->address(), [], null, function ($code, $node) {
    echo implode("\n", $node->lines), "\nnode exit $code\n";
    ksort($GLOBALS['closes']);
    echo implode('', $GLOBALS['closes']);
    echo "-- log\n", implode("\n", ws_error_log()), "\n";
});
Loop::run();
?>
--EXPECTF--
server: the slow client was cut off: true
fast: got every message, in order: true more than 20: true
slow: close 1008 "send buffer limit exceeded" after some messages: true
fast: close 1005
node exit 0
server: onClose 1 %d
server: onClose 2 1005
-- log
async: WebSocket connection 127.0.0.1:%d closed with 1008: %d bytes queued, over send_buffer_limit (1048576)
