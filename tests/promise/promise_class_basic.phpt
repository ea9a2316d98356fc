--TEST--
Async\Promise and Async\Deferred are final, cannot be cloned or serialized
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

$objects = [Promise::resolve(1), new Deferred()];
foreach ($objects as $o) {
    $class = get_class($o);
    echo "$class\n";
    echo "  final: ", var_export((new ReflectionClass($class))->isFinal(), true), "\n";
    echo "  cloneable: ", var_export((new ReflectionClass($class))->isCloneable(), true), "\n";
    echo "  clone: ", describe_throw(function () use ($o) { clone $o; }), "\n";
    echo "  serialize: ", describe_throw(function () use ($o) { serialize($o); }), "\n";
    echo "  unserialize: ", describe_throw(function () use ($class) {
        // PHP < 8.1 refuses with a warning and false instead of an exception.
        $r = @unserialize('O:' . strlen($class) . ':"' . $class . '":0:{}');
        if ($r === false) {
            throw new Exception("Unserialization of '$class' is not allowed");
        }
    }), "\n";
}
?>
--EXPECT--
Async\Promise
  final: true
  cloneable: false
  clone: Error: Trying to clone an uncloneable object of class Async\Promise
  serialize: Exception: Serialization of 'Async\Promise' is not allowed
  unserialize: Exception: Unserialization of 'Async\Promise' is not allowed
Async\Deferred
  final: true
  cloneable: false
  clone: Error: Trying to clone an uncloneable object of class Async\Deferred
  serialize: Exception: Serialization of 'Async\Deferred' is not allowed
  unserialize: Exception: Unserialization of 'Async\Deferred' is not allowed
