--TEST--
Async\Loop::info(): backend, running, counts per kind (enabled/disabled), referenced/unreferenced, lag
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

function counts() {
    $info = Loop::info();
    $out = [];
    foreach (['defer', 'delay', 'repeat', 'on_readable', 'on_writable', 'on_signal'] as $kind) {
        $out[] = "$kind {$info[$kind]['enabled']}/{$info[$kind]['disabled']}";
    }
    $out[] = "ref {$info['enabled_watchers']['referenced']}/{$info['enabled_watchers']['unreferenced']}";
    return implode(", ", $out);
}

$info = Loop::info();
var_dump(array_keys($info));
var_dump($info['backend'], $info['running'], is_float($info['lag']), $info['lag'] >= 0);
echo counts(), "\n";

[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$ids = [
    'defer' => Loop::defer(function () {}),
    'delay' => Loop::delay(10, function () {}),
    'repeat' => Loop::repeat(10, function () {}),
    'readable' => Loop::onReadable($r, function () {}),
    'writable' => Loop::onWritable($r, function () {}),
    'signal' => Loop::onSignal(defined('SIGUSR2') ? SIGUSR2 : 12, function () {}),
];
echo counts(), "\n";
Loop::disable($ids['delay']);
Loop::disable($ids['readable']);
echo counts(), "\n";
Loop::unreference($ids['repeat']);
Loop::unreference($ids['delay']); // disabled: counted in neither group
echo counts(), "\n";
Loop::enable($ids['delay']);
echo counts(), "\n";
foreach ($ids as $id) {
    Loop::cancel($id);
}
echo counts(), "\n";

// Inside run(): running, and the defer being dispatched is no longer counted
// (with the unreferenced safety repeat).
loop_safety_stop();
Loop::defer(function () {
    var_dump(Loop::info()['running']);
    echo counts(), "\n";
});
Loop::delay(0.01, function () {});
Loop::run();
echo counts(), "\n";

// lag: how late the last timer ran; a timer delayed by a 30 ms busy callback
// is at least 20 ms late.
Loop::delay(0, function () { usleep(30000); });
Loop::delay(0.001, function () {});
Loop::run();
var_dump(Loop::info()['lag'] >= 0.02);
?>
--EXPECT--
array(10) {
  [0]=>
  string(7) "backend"
  [1]=>
  string(7) "running"
  [2]=>
  string(5) "defer"
  [3]=>
  string(5) "delay"
  [4]=>
  string(6) "repeat"
  [5]=>
  string(11) "on_readable"
  [6]=>
  string(11) "on_writable"
  [7]=>
  string(9) "on_signal"
  [8]=>
  string(16) "enabled_watchers"
  [9]=>
  string(3) "lag"
}
string(5) "epoll"
bool(false)
bool(true)
bool(true)
defer 0/0, delay 0/0, repeat 0/0, on_readable 0/0, on_writable 0/0, on_signal 0/0, ref 0/0
defer 1/0, delay 1/0, repeat 1/0, on_readable 1/0, on_writable 1/0, on_signal 1/0, ref 6/0
defer 1/0, delay 0/1, repeat 1/0, on_readable 0/1, on_writable 1/0, on_signal 1/0, ref 4/0
defer 1/0, delay 0/1, repeat 1/0, on_readable 0/1, on_writable 1/0, on_signal 1/0, ref 3/1
defer 1/0, delay 1/0, repeat 1/0, on_readable 0/1, on_writable 1/0, on_signal 1/0, ref 3/2
defer 0/0, delay 0/0, repeat 0/0, on_readable 0/0, on_writable 0/0, on_signal 0/0, ref 0/0
bool(true)
defer 0/0, delay 1/0, repeat 1/0, on_readable 0/0, on_writable 0/0, on_signal 0/0, ref 1/1
defer 0/0, delay 0/0, repeat 1/0, on_readable 0/0, on_writable 0/0, on_signal 0/0, ref 0/1
bool(true)
