--TEST--
Async\Loop::enable(): a watcher whose stream was closed while disabled is dropped quietly, not a libevent failure
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
fwrite($w, "data");
$id = Loop::onReadable($r, function () { echo "callback of a closed stream ran\n"; });
Loop::disable($id);
fclose($r);
// Either accepted (the watcher is dropped on the next tick) or refused as an
// unknown id (dropped already): both are fine. A libevent error is not.
try {
    Loop::enable($id);
    echo "enable(): ok\n";
} catch (Throwable $e) {
    if (async_test_error_class($e) === 'ValueError' && strpos($e->getMessage(), 'was cancelled') !== false) {
        echo "enable(): ok\n";
    } else {
        echo "enable(): ", get_class($e), ": ", $e->getMessage(), "\n";
    }
}
Loop::run();
echo "run() returned\n";
show_error(function () use ($id) { Loop::enable($id); });
var_dump(Loop::info()['on_readable']);
?>
--EXPECTF--
enable(): ok
run() returned
ValueError: Async\Loop::enable(): Argument #1 ($id) must be the id of a watcher that exists, "%d" was cancelled, has already run or was never made
array(2) {
  ["enabled"]=>
  int(0)
  ["disabled"]=>
  int(0)
}
