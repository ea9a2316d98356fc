--TEST--
Async\WebSocketServer over plain TCP (own socket, output queue and sendmsg()): clients that die abruptly (socket destroyed, process gone) while the server is writing to them, or in the middle of sending a message, end with onClose 1006 and the server serves the next client
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
$timers = [];
$events = [];
$server = ws_server([
    'message' => function ($conn, $data) use (&$timers) {
        if ($data === 'flood me') {
            // 256 KiB every 5 ms: writes are always pending on this connection
            $timers[$conn->id()] = Loop::repeat(0.005, function () use ($conn) {
                $conn->sendBinary(str_repeat('f', 262144));
            });
            return;
        }
        $GLOBALS['events'][] = "onMessage " . $conn->id() . " " . strlen($data) . " bytes";
        $conn->send("echo: $data");
    },
    'close' => function ($conn, $code) use (&$timers) {
        $GLOBALS['events'][] = "onClose " . $conn->id() . " $code";
        if (isset($timers[$conn->id()])) {
            Loop::cancel($timers[$conn->id()]);
        }
    },
], ['send_buffer_limit' => 64 << 20]);
$addr = $server->address();

$steps = [
    // reads a little of the flood, then its process is gone, mid-stream
    "const ws = new WebSocket(URL);
     let got = 0;
     ws.on('open', () => ws.send('flood me'));
     ws.on('message', (d) => { got += d.length; if (got >= 1048576) { out('got 1 MiB, exiting'); process.exit(0); } });",
    // destroys its socket without a close frame while the server floods it
    "const ws = new WebSocket(URL);
     ws.on('open', () => { ws.send('flood me'); setTimeout(() => { ws._socket.destroy(); out('destroyed'); }, 50); });",
    // dies halfway through sending a message: two fragments of 1 MiB out of three
    "const ws = new WebSocket(URL);
     ws.on('open', () => {
         ws.send(Buffer.alloc(1048576, 7), { fin: false });
         ws.send(Buffer.alloc(1048576, 7), { fin: false }, () => { out('exiting while sending'); process.exit(0); });
     });",
    // the server still serves
    "const ws = new WebSocket(URL);
     ws.on('open', () => ws.send('still there?'));
     ws.on('message', (d) => { out(d.toString()); ws.close(); });",
];
$next = function () use (&$next, &$steps, $addr, $server) {
    $js = array_shift($steps);
    if ($js === null) {
        ws_stop($server);
        return;
    }
    ws_node($js, $addr, [], null, function ($code, $node) use ($next) {
        echo implode("\n", $node->lines), "\nnode exit $code\n";
        // the server notices the death on its own; give it a moment before the next client
        Loop::delay(ws_pick(0.2, 1.0), function () use ($next) {
            foreach ($GLOBALS['events'] as $e) {
                echo "server: $e\n";
            }
            $GLOBALS['events'] = [];
            $next();
        });
    });
};
$next();
Loop::run();
echo "done\n";
?>
--EXPECT--
got 1 MiB, exiting
node exit 0
server: onClose 1 1006
destroyed
node exit 0
server: onClose 2 1006
exiting while sending
node exit 0
server: onClose 3 1006
echo: still there?
node exit 0
server: onMessage 4 12 bytes
server: onClose 4 1005
done
