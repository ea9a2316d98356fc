--TEST--
Async\Promise::any(): the first fulfilment wins; when all reject, a CompositeException with every reason keyed like the input
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\CompositeException;
use Async\Deferred;
use Async\Loop;
use Async\Promise;

$errors = record_loop_errors();
$d = ['a' => new Deferred(), 'b' => new Deferred(), 'c' => new Deferred(), 'd' => new Deferred()];
Promise::any(array_map(function ($d) { return $d->promise(); }, $d))
    ->then(function ($v) { echo "first fulfilment: $v\n"; });
one_per_tick(
    function () use ($d) { $d['a']->reject(new Exception('a')); },
    function () use ($d) { $d['c']->resolve('c'); },
    function () use ($d) { $d['b']->resolve('b'); },
    function () use ($d) { $d['d']->reject(new Exception('d')); }
);
Loop::run();

// All rejected: reasons in input order, with the input's keys, even though
// they rejected in another order.
$d = ['x' => new Deferred(), 7 => new Deferred()];
Promise::any(['x' => $d['x']->promise(), 7 => $d[7]->promise(), 'z' => Promise::reject(new LogicException('z'))])
    ->catch(function ($e) {
        echo get_class($e), ": ", $e->getMessage(), "\n";
        var_dump($e instanceof CompositeException, $e instanceof Async\AsyncException);
        foreach ($e->getReasons() as $k => $r) {
            echo var_export($k, true), " => ", reason($r), "\n";
        }
    });
one_per_tick(
    function () use ($d) { $d[7]->reject(new Exception('seven')); },
    function () use ($d) { $d['x']->reject(new Exception('x')); }
);
Loop::run();

Promise::any([])->catch(function ($e) {
    echo "empty: ", get_class($e), ": ", $e->getMessage(), " reasons: ", json_encode($e->getReasons()), "\n";
});
Loop::run();
function gen() { yield 'g' => later_reject('g', 0.01); yield 'h' => later('from generator', 0.02); }
Promise::any(gen())->then(function ($v) { echo "generator: $v\n"; });
Loop::run();
Promise::any(new ArrayIterator([Promise::reject(new Exception("r")), 'plain']))->then(function ($v) { echo "ArrayIterator: $v\n"; });
Loop::run();
echo "loop errors: ", count($errors), "\n";
?>
--EXPECT--
first fulfilment: c
Async\CompositeException: Every promise given to Promise::any() was rejected
bool(true)
bool(true)
'x' => Exception: x
7 => Exception: seven
'z' => LogicException: z
empty: Async\CompositeException: Promise::any() was given no promises, so none can fulfil reasons: []
generator: from generator
ArrayIterator: plain
loop errors: 0
