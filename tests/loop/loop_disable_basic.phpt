--TEST--
Async\Loop::disable() / enable(): disabled watchers do not run nor keep run() alive; disable is immediate; enable resumes
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();

// Disabled before run(): not called, not waited for; idempotent both ways.
$id = Loop::delay(0, function () { echo "delay ran\n"; });
Loop::disable($id);
Loop::disable($id);
Loop::run();
echo "run() did not wait for the disabled delay\n";
var_dump(Loop::info()['delay']);
Loop::enable($id);
Loop::enable($id);
Loop::run();

// Disabling a watcher that is due in this tick stops it from running.
$later = null;
Loop::defer(function () use (&$later) {
    echo "first defer disables the second\n";
    Loop::disable($later);
});
$later = Loop::defer(function () { echo "second defer ran\n"; });
Loop::run();
echo "enable it again\n";
Loop::enable($later);
Loop::run();

// A readable watcher, disabled, does not fire on data; enabled, it does.
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
fwrite($w, "data");
$rd = Loop::onReadable($r, function ($id, $s) {
    echo "readable: ", fread($s, 100), "\n";
    Loop::cancel($id);
});
Loop::disable($rd);
Loop::delay(0.02, function () use ($rd) {
    echo "timer enables the readable watcher\n";
    Loop::enable($rd);
});
Loop::run();

// Disabling the last referenced watcher from a callback lets run() return.
$rep = Loop::repeat(0.001, function ($id) {
    echo "repeat disables itself\n";
    Loop::disable($id);
});
Loop::run();
var_dump(Loop::info()['repeat']); // enabled: the safety repeat
Loop::cancel($rep);
?>
--EXPECT--
run() did not wait for the disabled delay
array(2) {
  ["enabled"]=>
  int(0)
  ["disabled"]=>
  int(1)
}
delay ran
first defer disables the second
enable it again
second defer ran
timer enables the readable watcher
readable: data
repeat disables itself
array(2) {
  ["enabled"]=>
  int(1)
  ["disabled"]=>
  int(1)
}
