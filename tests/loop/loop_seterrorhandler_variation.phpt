--TEST--
Async\Loop::setErrorHandler(): what the handler throws comes out of run(); handlers of every callable kind; replacing itself
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();

// The handler cannot handle it and throws: that comes out of run(), and
// stops the loop; the handler stays set.
$fromHandler = new LogicException("from the handler");
Loop::setErrorHandler(function (Throwable $e) use ($fromHandler) {
    echo "handler got: ", $e->getMessage(), "\n";
    throw $fromHandler;
});
Loop::defer(function () { throw new RuntimeException("from the callback"); });
Loop::defer(function () { Loop::defer(function () { echo "next tick, after the second run()\n"; }); });
try {
    Loop::run();
} catch (Throwable $e) {
    var_dump($e === $fromHandler);
}
var_dump(Loop::getErrorHandler() !== null);
// The handler rethrowing what it got: the original comes out.
$original = new RuntimeException("rethrown");
Loop::setErrorHandler(function (Throwable $e) { throw $e; });
Loop::defer(function () use ($original) { throw $original; });
try {
    Loop::run();
} catch (Throwable $e) {
    var_dump($e === $original);
}
Loop::setErrorHandler(null);
Loop::run();

// A handler that replaces itself while running.
$second = function (Throwable $e) { echo "second handler: ", $e->getMessage(), "\n"; };
Loop::setErrorHandler(function (Throwable $e) use ($second) {
    echo "first handler: ", $e->getMessage(), "\n";
    Loop::setErrorHandler($second);
});
Loop::defer(function () { throw new Exception("one"); });
Loop::defer(function () { throw new Exception("two"); });
Loop::run();
var_dump(Loop::getErrorHandler() === $second);

// Handlers of other callable kinds.
function string_handler(Throwable $e) { echo "string_handler: ", $e->getMessage(), "\n"; }
class H {
    public function method(Throwable $e) { echo "H::method: ", $e->getMessage(), "\n"; }
    public static function staticMethod(Throwable $e) { echo "H::staticMethod: ", $e->getMessage(), "\n"; }
    public function __call($name, $args) { echo "H::__call($name): ", $args[0]->getMessage(), "\n"; }
}
foreach (['string_handler', [new H, 'method'], 'H::staticMethod', [new H, 'magic']] as $handler) {
    Loop::setErrorHandler($handler);
    Loop::defer(function () { throw new Exception("x"); });
    Loop::defer(function () { throw new Exception("y"); });
    Loop::run();
}
var_dump(Loop::setErrorHandler(null) == [new H, 'magic']);
?>
--EXPECT--
handler got: from the callback
bool(true)
bool(true)
bool(true)
next tick, after the second run()
first handler: one
second handler: two
bool(true)
string_handler: x
string_handler: y
H::method: x
H::method: y
H::staticMethod: x
H::staticMethod: y
H::__call(magic): x
H::__call(magic): y
bool(true)
