--TEST--
Async\Promise::finally(): a throw replaces the outcome; a returned promise is waited for, its rejection replaces, its value is ignored
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

$log = [];
$show = function (string $tag) use (&$log) {
    return [
        function ($v) use ($tag, &$log) { $log[] = "$tag fulfilled " . var_export($v, true); },
        function ($e) use ($tag, &$log) { $log[] = "$tag rejected " . reason($e); },
    ];
};

Promise::resolve(1)->finally(function () { throw new LogicException("from finally"); })->then(...$show("throw after fulfilment"));
Promise::reject(new Exception("original"))->finally(function () { throw new LogicException("from finally"); })->then(...$show("throw after rejection"));

// A returned promise is waited for.
$gate = new Deferred();
$gateOpen = false;
$p = Promise::resolve("original value")->finally(function () use ($gate) { return $gate->promise(); });
$p->then(function ($v) use (&$log, &$gateOpen) {
    $log[] = "waited: fulfilled " . var_export($v, true) . ", after the returned promise settled: " . var_export($gateOpen, true);
});
Loop::delay(0.01, function () use ($gate, $p, &$log, &$gateOpen) {
    $log[] = "still pending while the returned promise is: " . var_export($p->isPending(), true);
    $gateOpen = true;
    $gate->resolve("ignored value");
});

Promise::resolve(1)->finally(function () { return later("ignored", 0.005); })->then(...$show("fulfilled promise after fulfilment"));
Promise::reject(new Exception("original"))->finally(function () { return later("ignored", 0.005); })->then(...$show("fulfilled promise after rejection"));
Promise::resolve(1)->finally(function () { return later_reject("from returned promise", 0.005); })->then(...$show("rejected promise after fulfilment"));
Promise::reject(new Exception("original"))->finally(function () { return later_reject("from returned promise", 0.005); })->then(...$show("rejected promise after rejection"));
// A thenable is waited for as well.
class LateThenable { public function then($ok, $err) { Loop::delay(0.005, function () use ($err) { $err(new RangeException("thenable")); }); } }
Promise::resolve(1)->finally(function () { return new LateThenable(); })->then(...$show("rejecting thenable"));

Loop::run();
sort($log);
echo implode("\n", $log), "\n";
?>
--EXPECT--
fulfilled promise after fulfilment fulfilled 1
fulfilled promise after rejection rejected Exception: original
rejected promise after fulfilment rejected Exception: from returned promise
rejected promise after rejection rejected Exception: from returned promise
rejecting thenable rejected RangeException: thenable
still pending while the returned promise is: true
throw after fulfilment rejected LogicException: from finally
throw after rejection rejected LogicException: from finally
waited: fulfilled 'original value', after the returned promise settled: true
