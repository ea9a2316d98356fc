--TEST--
Async\Deferred: resolve() with its own promise rejects it with TypeError
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Deferred;
use Async\Loop;

$d = new Deferred();
$d->resolve($d->promise());
var_dump($d->isSettled());
$d->promise()->catch(function ($e) { echo reason($e), "\n"; });
Loop::run();
?>
--EXPECT--
bool(true)
TypeError: A promise cannot be resolved with itself
