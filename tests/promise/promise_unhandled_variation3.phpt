--TEST--
Unhandled rejections: not reported when a catch, then, finally, combinator or timeout was attached, even late but before destruction
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
$handled = 0;
$count = function () use (&$handled) { $handled++; };

Promise::reject(new Exception("1"))->catch($count);
Promise::reject(new Exception("2"))->then(null, $count);
Promise::reject(new Exception("3"))->finally(function () {})->catch($count);
Promise::all([Promise::reject(new Exception("4"))])->catch($count);
Promise::allSettled([Promise::reject(new Exception("5"))])->then($count);
Promise::any([Promise::reject(new Exception("6"))])->catch($count);
Promise::race([Promise::reject(new Exception("7"))])->catch($count);
Promise::reject(new Exception("8"))->timeout(1)->catch($count);
// Rejected later, handled all along.
$d = new Deferred();
$d->promise()->catch($count);
Loop::defer(function () use ($d) { $d->reject(new Exception("9")); });
// Handled later, from the loop, but before it was destroyed.
$late = Promise::reject(new Exception("10"));
Loop::delay(0.01, function () use (&$late, $count) {
    $late->catch($count);
    $late = null;
});
// A promise adopted by another one is handled by that one.
Promise::resolve(1)->then(function () { return Promise::reject(new Exception("11")); })->catch($count);

Loop::run();
gc_collect_cycles();
Loop::run();
echo "handled: $handled\n";
echo "loop errors: ", count($errors), "\n";
foreach ($errors as $e) {
    echo reason($e), "\n";
}
?>
--EXPECT--
handled: 11
loop errors: 0
