--TEST--
Async\Promise::__construct(): $reject() with a non-Throwable rejects with a TypeError that says what was given
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
foreach (["a string" => "x", "an int" => 1, "null" => null, "an array" => [], "a non-Throwable object" => new stdClass()] as $what => $reason) {
    $p = new Promise(function ($resolve, $reject) use ($reason) { $reject($reason); });
    $p->catch(function ($e) use ($what, &$log) { $log[] = "$what: " . reason($e); });
}
$p = new Promise(function ($resolve, $reject) { $reject(); });
$p->catch(function ($e) use (&$log) { $log[] = "no argument: " . reason($e); });
// Only the first call counts, as with a Throwable.
$p = new Promise(function ($resolve, $reject) { $reject("first"); $reject(new Exception("second")); $resolve(1); });
$p->catch(function ($e) use (&$log) { $log[] = "then more calls: " . reason($e); });
Loop::run();
echo implode("\n", $log), "\n";
?>
--EXPECTF--
a string: TypeError: A promise was rejected with string instead of a Throwable
an int: TypeError: A promise was rejected with int instead of a Throwable
null: TypeError: A promise was rejected with null instead of a Throwable
an array: TypeError: A promise was rejected with array instead of a Throwable
a non-Throwable object: TypeError: A promise was rejected with %r(stdClass|object)%r instead of a Throwable
no argument: TypeError: A promise was rejected with nothing instead of a Throwable
then more calls: TypeError: A promise was rejected with string instead of a Throwable
