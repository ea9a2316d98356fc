--TEST--
Async\Loop: exit() inside a nested call of a timer callback, with a watcher left; the shutdown function can still use the loop
--EXTENSIONS--
async
--FILE--
<?php
use Async\Loop;

class Tracked {
    public function __destruct() { echo "destructor of a captured object\n"; }
}
register_shutdown_function(function () {
    echo "shutdown function\n";
    Loop::defer(function () { echo "defer in shutdown\n"; });
    Loop::run();
    echo "shutdown run() returned\n";
});
function leave() { exit("exit message\n"); }
$obj = new Tracked;
// Unreferenced, so that the shutdown function's run() can return.
Loop::unreference(Loop::repeat(0.001, function () use ($obj) {}));
Loop::delay(0.005, function () { leave(); });
unset($obj);
Loop::run();
echo "after run()\n";
?>
--EXPECT--
exit message
shutdown function
defer in shutdown
shutdown run() returned
destructor of a captured object
