--TEST--
Async\Loop::cancel(): a cancelled or finished watcher lets go of its callback at once (captured objects are destroyed)
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

class Tracked {
    public $name;
    public function __construct($name) { $this->name = $name; }
    public function __destruct() { echo "destroyed: {$this->name}\n"; }
}

loop_safety_stop();

function capture(string $name): Closure {
    $obj = new Tracked($name);
    return function () use ($obj) { echo "ran: {$obj->name}\n"; };
}

echo "-- cancelled before run\n";
$id = Loop::delay(10, capture("delay"));
Loop::cancel($id);
echo "after cancel delay\n";

$id = Loop::repeat(10, capture("repeat"));
Loop::cancel($id);
echo "after cancel repeat\n";

$id = Loop::defer(capture("defer"));
Loop::cancel($id);
echo "after cancel defer\n";

[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$id = Loop::onReadable($r, capture("readable"));
Loop::cancel($id);
echo "after cancel readable\n";

$id = Loop::onWritable($w, capture("writable"));
Loop::cancel($id);
echo "after cancel writable\n";

echo "-- disabled: kept\n";
$id = Loop::delay(0, capture("disabled delay"));
Loop::disable($id);
echo "after disable\n";
Loop::cancel($id);
echo "after cancel\n";

echo "-- a delay that has run\n";
Loop::delay(0, capture("delay that runs"));
Loop::delay(0.02, function () { echo "next timer\n"; });
Loop::run();

echo "-- a defer that has run\n";
Loop::defer(capture("defer that runs"));
Loop::defer(function () { Loop::defer(function () { echo "next tick\n"; }); });
Loop::run();

echo "-- a repeat cancelled inside its own callback\n";
$obj = new Tracked("repeat cancelling itself");
Loop::repeat(0.001, function ($id) use ($obj) {
    Loop::cancel($id);
    echo "cancelled itself\n";
});
unset($obj);
Loop::delay(0.02, function () { echo "next timer\n"; });
Loop::run();

echo "-- a timer due in the same tick, cancelled by the one before it\n";
// The canceller is made first, so it is due first however slow this runs
// (valgrind); both are due by the time the loop polls.
$victim = null;
Loop::delay(0, function () use (&$victim) {
    Loop::cancel($victim);
    echo "after cancel victim\n";
});
$victim = Loop::delay(0.001, capture("victim"));
usleep(20000);
Loop::run();

echo "-- a defer of the same tick, cancelled by the one before it\n";
$victim = null;
Loop::defer(function () use (&$victim) {
    Loop::cancel($victim);
    echo "after cancel victim defer\n";
});
$victim = Loop::defer(capture("victim defer"));
Loop::run();
echo "end\n";
?>
--EXPECT--
-- cancelled before run
destroyed: delay
after cancel delay
destroyed: repeat
after cancel repeat
destroyed: defer
after cancel defer
destroyed: readable
after cancel readable
destroyed: writable
after cancel writable
-- disabled: kept
after disable
destroyed: disabled delay
after cancel
-- a delay that has run
ran: delay that runs
destroyed: delay that runs
next timer
-- a defer that has run
ran: defer that runs
destroyed: defer that runs
next tick
-- a repeat cancelled inside its own callback
cancelled itself
destroyed: repeat cancelling itself
next timer
-- a timer due in the same tick, cancelled by the one before it
destroyed: victim
after cancel victim
-- a defer of the same tick, cancelled by the one before it
destroyed: victim defer
after cancel victim defer
end
