--TEST--
Async\Promise::then(): the handler's return value fulfils the derived promise, a throw rejects it, a missing handler passes the state on
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Loop;
use Async\Promise;

$log = [];
$show = function (string $tag) use (&$log) {
    return [
        function ($v) use ($tag, &$log) { $log[] = "$tag fulfilled " . var_export($v, true); },
        function ($e) use ($tag, &$log) { $log[] = "$tag rejected " . reason($e); },
    ];
};

Promise::resolve(1)->then(function ($v) { return $v + 1; })->then(...$show("return"));
Promise::resolve(1)->then(function () {})->then(...$show("no return"));
Promise::resolve(1)->then(function () { throw new LogicException("thrown"); })->then(...$show("throw"));
Promise::reject(new Exception("r"))->then(null, function ($e) { return "recovered"; })->then(...$show("recover"));
Promise::reject(new Exception("r"))->then(null, function ($e) { throw new RuntimeException("again"); })->then(...$show("rethrow"));
// Promises/A+ 2.2.7.3 and 2.2.7.4: no handler for the state: passed on unchanged.
Promise::resolve("v")->then(null, function () { return "wrong"; })->then(...$show("no onFulfilled"));
$ex = new Exception("same");
Promise::reject($ex)->then(function () { return "wrong"; })->then(null, function ($e) use ($ex, &$log) {
    $log[] = "no onRejected: same object " . var_export($e === $ex, true);
});
Promise::resolve("w")->then()->then(...$show("then()"));
// The value is passed as is (an object stays the same object).
$o = new stdClass();
Promise::resolve($o)->then(function ($v) use ($o, &$log) { $log[] = "object identity " . var_export($v === $o, true); });

Loop::run();
sort($log);
echo implode("\n", $log), "\n";
?>
--EXPECT--
no onFulfilled fulfilled 'v'
no onRejected: same object true
no return fulfilled NULL
object identity true
recover fulfilled 'recovered'
rethrow rejected RuntimeException: again
return fulfilled 2
then() fulfilled 'w'
throw rejected LogicException: thrown
