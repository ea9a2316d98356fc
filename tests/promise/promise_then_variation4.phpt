--TEST--
Async\Promise::then(): thenables are adopted; only their first resolve/reject counts; a throw before settling rejects, after is ignored
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Loop;
use Async\Promise;

class ResolvesLater {
    public function then($resolve, $reject) {
        Loop::delay(0.01, function () use ($resolve) { $resolve("later"); });
    }
}
class ResolvesTwice {
    public function then($resolve, $reject) { $resolve("first"); $resolve("second"); }
}
class ResolvesThenRejects {
    public function then($resolve, $reject) { $resolve("resolved"); $reject(new Exception("ignored")); }
}
class RejectsThenResolves {
    public function then($resolve, $reject) { $reject(new Exception("rejected")); $resolve("ignored"); }
}
class ThrowsBeforeSettling {
    public function then($resolve, $reject) { throw new RuntimeException("then threw"); }
}
class ThrowsAfterResolving {
    public function then($resolve, $reject) { $resolve("kept"); throw new RuntimeException("ignored"); }
}
class ThrowsAfterRejecting {
    public function then($resolve, $reject) { $reject(new LogicException("first reason")); throw new RuntimeException("ignored"); }
}
class ResolvesWithThenable {
    public function then($resolve, $reject) { $resolve(new ResolvesLater()); }
}
class ResolvesWithPromise {
    public function then($resolve, $reject) { $resolve(later("from promise", 0.005)); }
}
class NotThenable {
    public $then = "a property, not a method";
}

$log = [];
$calls = 0;
$all = [];
foreach ([new ResolvesLater(), new ResolvesTwice(), new ResolvesThenRejects(), new RejectsThenResolves(),
        new ThrowsBeforeSettling(), new ThrowsAfterResolving(), new ThrowsAfterRejecting(),
        new ResolvesWithThenable(), new ResolvesWithPromise(), new NotThenable()] as $thenable) {
    $name = get_class($thenable);
    $all[] = Promise::resolve(1)
        ->then(function () use ($thenable) { return $thenable; })
        ->then(
            function ($v) use ($name, &$log, &$calls) { $calls++; $log[$name] = "$name: fulfilled " . (is_object($v) ? get_class($v) : var_export($v, true)); },
            function ($e) use ($name, &$log, &$calls) { $calls++; $log[$name] = "$name: rejected " . reason($e); }
        );
}
// Promise::resolve() adopts thenables too.
Promise::resolve(new ResolvesTwice())->then(function ($v) use (&$log) { $log["resolve()"] = "Promise::resolve(thenable): $v"; });
$pending = Promise::resolve(new ResolvesLater());
$log["pending"] = "pending while the thenable has not settled: " . var_export($pending->isPending(), true);

Loop::run();
ksort($log);
echo implode("\n", $log), "\n";
echo "handlers called: $calls\n";
?>
--EXPECT--
NotThenable: fulfilled NotThenable
RejectsThenResolves: rejected Exception: rejected
ResolvesLater: fulfilled 'later'
ResolvesThenRejects: fulfilled 'resolved'
ResolvesTwice: fulfilled 'first'
ResolvesWithPromise: fulfilled 'from promise'
ResolvesWithThenable: fulfilled 'later'
ThrowsAfterRejecting: rejected LogicException: first reason
ThrowsAfterResolving: fulfilled 'kept'
ThrowsBeforeSettling: rejected RuntimeException: then threw
pending while the thenable has not settled: true
Promise::resolve(thenable): first
handlers called: 10
