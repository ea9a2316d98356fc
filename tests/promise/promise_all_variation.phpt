--TEST--
Async\Promise::all(): generators, ArrayIterator and IteratorAggregate of promises, plain values and thenables
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Loop;
use Async\Promise;

class Thenable {
    private $v;
    public function __construct($v) { $this->v = $v; }
    public function then($ok, $err) { $v = $this->v; Loop::delay(0.005, function () use ($ok, $v) { $ok($v); }); }
}
class Bag implements IteratorAggregate {
    public function getIterator(): Iterator {
        return new ArrayIterator(['x' => later('x', 0.01), 'y' => 'plain', 'z' => new Thenable('thenable')]);
    }
}
function gen() {
    yield 'first' => later(1, 0.02);
    yield 'second' => 2;
    yield 10 => new Thenable(3);
}

Promise::all(gen())->then(function ($v) { echo "generator: ", json_encode($v), "\n"; });
Loop::run();
Promise::all(new ArrayIterator([later('a', 0.01), 'b', new Thenable('c')]))->then(function ($v) { echo "ArrayIterator: ", json_encode($v), "\n"; });
Loop::run();
Promise::all(new Bag())->then(function ($v) { echo "IteratorAggregate: ", json_encode($v), "\n"; });
Loop::run();
// An empty generator.
function nothing() { return; yield; }
Promise::all(nothing())->then(function ($v) { echo "empty generator: ", json_encode($v), "\n"; });
Loop::run();
// A rejecting thenable rejects all().
class Rejecting { public function then($ok, $err) { $err(new RangeException("thenable rejected")); } }
Promise::all(['ok' => 1, 'bad' => new Rejecting()])->catch(function ($e) { echo "rejecting thenable: ", reason($e), "\n"; });
Loop::run();
?>
--EXPECT--
generator: {"first":1,"second":2,"10":3}
ArrayIterator: ["a","b","c"]
IteratorAggregate: {"x":"x","y":"plain","z":"thenable"}
empty generator: []
rejecting thenable: RangeException: thenable rejected
