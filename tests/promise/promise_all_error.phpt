--TEST--
Async\Promise::all(): the first rejection wins; later rejections of the other inputs are not reported as unhandled
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
$log = [];
$d = ['a' => new Deferred(), 'b' => new Deferred(), 'c' => new Deferred(), 'd' => new Deferred()];
$all = Promise::all(array_map(function ($d) { return $d->promise(); }, $d));
$all->then(
    function () use (&$log) { $log[] = "WRONG: fulfilled"; },
    function ($e) use (&$log) { $log[] = "rejected: " . reason($e); }
);
one_per_tick(
    function () use ($d) { $d['c']->reject(new Exception("first")); },
    function () use ($d) { $d['a']->resolve("a"); },
    function () use ($d) { $d['b']->reject(new Exception("second")); },
    function () use ($d) { $d['d']->reject(new Exception("third")); }
);
// Inputs rejected already: the first in input order wins.
Promise::all([1, Promise::reject(new Exception("x")), Promise::reject(new Exception("y"))])
    ->catch(function ($e) use (&$log) { $log[] = "already rejected: " . reason($e); });
Loop::run();
unset($all, $d);
gc_collect_cycles();
Loop::run();
sort($log);
echo implode("\n", $log), "\n";
echo "loop errors: ", count($errors), "\n";
foreach ($errors as $e) {
    echo reason($e), "\n";
}
?>
--EXPECT--
already rejected: Exception: x
rejected: Exception: first
loop errors: 0
