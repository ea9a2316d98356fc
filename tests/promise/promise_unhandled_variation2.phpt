--TEST--
Unhandled rejections: when Loop::run() is not called again, a warning at the end of the request
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Loop;
use Async\Promise;

Loop::defer(function () {});
Loop::run();
$p = Promise::reject(new Exception("never reported by run()"));
unset($p);
echo "end of script\n";
?>
--EXPECTF--
end of script

Warning: %s: Unhandled promise rejection: Exception: never reported by run() in %s on line %d
