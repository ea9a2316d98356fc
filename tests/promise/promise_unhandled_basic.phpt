--TEST--
Unhandled rejections: a rejected promise destroyed with no handler goes to the loop's error handler as Async\UnhandledRejectionError
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
use Async\UnhandledRejectionError;

$errors = record_loop_errors();

$ex = new Exception("dropped");
$p = Promise::reject($ex);
unset($p);

$d = new Deferred();
$d->reject(new LogicException("deferred dropped"));
unset($d);

// A derived promise rejected by a throwing handler, never looked at.
Loop::defer(function () {
    Promise::resolve(1)->then(function () { throw new RuntimeException("handler threw"); });
});
// then() with only onFulfilled: the original is handled, the derived one is not.
Promise::reject(new DomainException("passed on"))->then(function () {});

Loop::run();
foreach ($errors as $e) {
    echo get_class($e), " (an AsyncError: ", var_export($e instanceof Async\AsyncError, true), ")\n";
    echo "  previous: ", reason($e->getPrevious()), "\n";
}
echo "same reason object: ", var_export($errors[0]->getPrevious() === $ex, true), "\n";
echo $errors[0]->getMessage(), "\n";
?>
--EXPECT--
Async\UnhandledRejectionError (an AsyncError: true)
  previous: Exception: dropped
Async\UnhandledRejectionError (an AsyncError: true)
  previous: LogicException: deferred dropped
Async\UnhandledRejectionError (an AsyncError: true)
  previous: DomainException: passed on
Async\UnhandledRejectionError (an AsyncError: true)
  previous: RuntimeException: handler threw
same reason object: true
Unhandled promise rejection: Exception: dropped; attach a rejection handler (catch, then or await) before the promise is destroyed
