--TEST--
Async\Loop::setErrorHandler(): a handler that is not callable is a TypeError and keeps the current one
--EXTENSIONS--
async
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

$h = function (Throwable $e) { echo "handler: ", $e->getMessage(), "\n"; };
Loop::setErrorHandler($h);
show_error(function () { Loop::setErrorHandler('no_such_function'); });
show_error(function () { Loop::setErrorHandler(42); });
var_dump(Loop::getErrorHandler() === $h);
Loop::defer(function () { throw new Exception("still handled"); });
Loop::run();
?>
--EXPECTF--
TypeError: Async\Loop::setErrorHandler()%svalid callback%sno_such_function%s
TypeError: Async\Loop::setErrorHandler()%svalid callback%s
bool(true)
handler: still handled
