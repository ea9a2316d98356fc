--TEST--
Async\Promise::race(): settles like the first input to settle, fulfilled or rejected
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Deferred;
use Async\Loop;
use Async\Promise;

$errors = record_loop_errors();
$d = [new Deferred(), new Deferred(), new Deferred()];
Promise::race([$d[0]->promise(), $d[1]->promise(), $d[2]->promise()])
    ->then(function ($v) { echo "fulfilled: $v\n"; });
one_per_tick(
    function () use ($d) { $d[1]->resolve('second input, first to settle'); },
    function () use ($d) { $d[2]->reject(new Exception('later')); },
    function () use ($d) { $d[0]->resolve('last'); }
);
Loop::run();

$d = ['a' => new Deferred(), 'b' => new Deferred()];
Promise::race(['a' => $d['a']->promise(), 'b' => $d['b']->promise()])
    ->then(function ($v) { echo "WRONG: $v\n"; }, function ($e) { echo "rejected: ", reason($e), "\n"; });
one_per_tick(
    function () use ($d) { $d['b']->reject(new Exception('first to settle')); },
    function () use ($d) { $d['a']->resolve('later'); }
);
Loop::run();

// Plain values and settled promises: the first in input order.
Promise::race([later('pending', 0.01), 'plain', Promise::resolve('resolved')])->then(function ($v) { echo "plain: $v\n"; });
Loop::run();

// Traversables; a timer against a promise that never settles.
$never = new Deferred();
function gen($never) { yield $never->promise(); yield later('generator', 0.001); }
Promise::race(gen($never))->then(function ($v) { echo "generator: $v\n"; });
Loop::run();
class Aggregate implements IteratorAggregate {
    public $never;
    public function getIterator(): Iterator { return new ArrayIterator([$this->never->promise(), later('IteratorAggregate', 0.001)]); }
}
$agg = new Aggregate();
$agg->never = $never;
Promise::race($agg)->then(function ($v) { echo "$v\n"; });
Loop::run();
class Thenable { public function then($ok, $err) { Loop::delay(0.001, function () use ($ok) { $ok('thenable'); }); } }
Promise::race(new ArrayIterator([$never->promise(), new Thenable()]))->then(function ($v) { echo "ArrayIterator: $v\n"; });
Loop::run();
echo "loop errors: ", count($errors), "\n";
?>
--EXPECT--
fulfilled: second input, first to settle
rejected: Exception: first to settle
plain: plain
generator: generator
IteratorAggregate
ArrayIterator: thenable
loop errors: 0
