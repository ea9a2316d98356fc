--TEST--
Async\WebSocketServer: the script ends while servers still run (open connections, queued output, a stop() still in its grace period): the end of the request frees them without calling the listener
--EXTENSIONS--
async
--SKIPIF--
<?php require __DIR__ . '/../inc/ws.inc'; ws_skipif([], false); ?>
--FILE--
<?php
require __DIR__ . '/../inc/ws.inc';
use Async\Loop;

ws_timeout(5);
$opened = 0;
$handlers = [
    'open' => function ($conn) use (&$opened) {
        // queued output the client never reads
        for ($i = 0; $i < 8; $i++) {
            $conn->sendBinary(str_repeat('q', 100000));
        }
        if (++$opened === 4) {
            Loop::stop();
        }
    },
    'close' => function ($conn, $code) { echo "onClose at shutdown must not run\n"; },
];
$running = ws_server($handlers);
$stopping = ws_server($handlers);
$raws = [];
foreach ([$running, $running, $stopping, $stopping] as $server) {
    $raw = new WsRaw($server->address());
    $raw->write(ws_request('/'));
    $raw->pause();
    $raws[] = $raw;
}
Loop::run();
echo "open: ", count($running->connections()), " and ", count($stopping->connections()), "\n";
// deaf clients: this stop() waits out its 30 s grace period, past the end of the script
$p = $stopping->stop(30);
$p->then(function () { echo "stop() fulfilled at shutdown must not happen\n"; });
echo "stop() pending: ", var_export($p->isPending(), true), "\n";
echo "end of script\n";
?>
--EXPECT--
open: 2 and 2
stop() pending: true
end of script
