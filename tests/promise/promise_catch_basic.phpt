--TEST--
Async\Promise::catch(): handles a rejection; its result fulfils the derived promise; a fulfilment passes through
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

$ex = new Exception("reason");
Promise::reject($ex)->catch(function ($e) use ($ex, &$log) {
    $log[] = "catch got the same object: " . var_export($e === $ex, true);
    return "recovered";
})->then(...$show("recovered"));
Promise::resolve("value")->catch(function () use (&$log) { $log[] = "WRONG: catch ran on fulfilment"; })->then(...$show("passes"));
Promise::reject(new Exception("a"))->catch(function ($e) { throw new LogicException("from catch"); })->then(...$show("rethrown"));
Promise::reject(new Exception("a"))->catch(function ($e) { return Promise::reject(new RangeException("returned")); })->then(...$show("returned rejected"));
// A throw in a then() handler reaches a catch further down the chain.
Promise::resolve(1)
    ->then(function () { throw new UnexpectedValueException("deep"); })
    ->then(function () use (&$log) { $log[] = "WRONG: skipped handler ran"; })
    ->catch(function ($e) use (&$log) { $log[] = "chain: " . reason($e); });

Loop::run();
sort($log);
echo implode("\n", $log), "\n";
?>
--EXPECT--
catch got the same object: true
chain: UnexpectedValueException: deep
passes fulfilled 'value'
recovered fulfilled 'recovered'
rethrown rejected LogicException: from catch
returned rejected rejected RangeException: returned
