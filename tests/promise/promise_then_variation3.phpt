--TEST--
Async\Promise::then(): a returned promise is adopted; resolving a promise with itself rejects with TypeError
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

// A pending promise returned by the handler: the derived promise waits for it.
$inner = new Deferred();
$derived = Promise::resolve(1)->then(function () use ($inner) { return $inner->promise(); });
$innerResolved = false;
$derived->then(function ($v) use (&$log, &$innerResolved) {
    $log[] = "adopt pending fulfilled " . var_export($v, true) . " after inner resolved: " . var_export($innerResolved, true);
});
Loop::defer(function () use ($inner, $derived, &$log, &$innerResolved) {
    $log[] = "derived pending while inner is: " . var_export($derived->isPending(), true);
    $innerResolved = true;
    $inner->resolve("inner value");
});
Promise::resolve(1)->then(function () { return Promise::resolve("done"); })->then(...$show("adopt fulfilled"));
Promise::resolve(1)->then(function () { return Promise::reject(new DomainException("inner")); })->then(...$show("adopt rejected"));
// The value is not a promise inside a promise: adoption flattens.
Promise::resolve(Promise::resolve(Promise::resolve("deep")))->then(...$show("nested"));

// Promises/A+ 2.3.1: a handler returning its own derived promise.
$self = null;
$self = Promise::resolve(1)->then(function () use (&$self) { return $self; });
$self->then(...$show("returns itself"));

// A Deferred resolved with its own promise.
$d = new Deferred();
$d->resolve($d->promise());
$d->promise()->then(...$show("deferred with itself"));

// The executor's $resolve given the promise itself.
$p = new Promise(function ($resolve) use (&$p) {
    Loop::defer(function () use ($resolve, &$p) { $resolve($p); });
});
$p->then(...$show("executor with itself"));

Loop::run();
sort($log);
echo implode("\n", $log), "\n";
?>
--EXPECT--
adopt fulfilled fulfilled 'done'
adopt pending fulfilled 'inner value' after inner resolved: true
adopt rejected rejected DomainException: inner
deferred with itself rejected TypeError: A promise cannot be resolved with itself
derived pending while inner is: true
executor with itself rejected TypeError: A promise cannot be resolved with itself
nested fulfilled 'deep'
returns itself rejected TypeError: A promise cannot be resolved with itself
