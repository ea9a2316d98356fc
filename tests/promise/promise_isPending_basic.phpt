--TEST--
Async\Promise::isPending(), isFulfilled(), isRejected(): the state; a promise resolved with a pending promise is still pending
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Deferred;
use Async\Loop;
use Async\Promise;

function state(Promise $p): string
{
    return ($p->isPending() ? "pending" : "-") . " " . ($p->isFulfilled() ? "fulfilled" : "-") . " " . ($p->isRejected() ? "rejected" : "-");
}

$d = new Deferred();
echo "new: ", state($d->promise()), "\n";
$d->resolve(1);
echo "resolved with a value: ", state($d->promise()), "\n";

$r = new Deferred();
$r->reject(new Exception("x"));
echo "rejected: ", state($r->promise()), "\n";
$r->promise()->catch(function () {});

// Resolved with a pending promise: locked in, but still pending.
$inner = new Deferred();
$outer = new Deferred();
$outer->resolve($inner->promise());
echo "resolved with a pending promise: ", state($outer->promise()), "\n";
$viaExecutor = new Promise(function ($resolve) use ($inner) { $resolve($inner->promise()); });
echo "executor resolved with a pending promise: ", state($viaExecutor), "\n";
// Resolved with an already fulfilled promise: adoption still waits for the loop.
$adopting = new Promise(function ($resolve) { $resolve(Promise::resolve(1)); });
echo "resolved with a fulfilled promise, before the loop: ", state($adopting), "\n";

$inner->reject(new Exception("inner"));
echo "inner rejected, outer before the loop: ", state($outer->promise()), "\n";
$outer->promise()->catch(function () {});
$viaExecutor->catch(function () {});
Loop::run();
echo "outer after the loop: ", state($outer->promise()), "\n";
echo "executor after the loop: ", state($viaExecutor), "\n";
echo "adopting after the loop: ", state($adopting), "\n";

// A then() derived promise is pending until its reaction ran.
$t = Promise::resolve(1)->then(function () { return 2; });
echo "derived before the loop: ", state($t), "\n";
Loop::run();
echo "derived after the loop: ", state($t), "\n";
?>
--EXPECT--
new: pending - -
resolved with a value: - fulfilled -
rejected: - - rejected
resolved with a pending promise: pending - -
executor resolved with a pending promise: pending - -
resolved with a fulfilled promise, before the loop: pending - -
inner rejected, outer before the loop: pending - -
outer after the loop: - - rejected
executor after the loop: - - rejected
adopting after the loop: - fulfilled -
derived before the loop: pending - -
derived after the loop: - fulfilled -
