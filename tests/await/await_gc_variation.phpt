--TEST--
Async\async(): a fiber suspended on a promise it captured, with nothing left to settle it, is collected by gc_collect_cycles()
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID < 80100) die("skip fibers need PHP 8.1"); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Deferred;
use Async\Loop;
use function Async\async;

class Flag {
    public static $freed = 0;
    public function __destruct() { self::$freed++; }
}
gc_collect_cycles();

$d = new Deferred();
$flag = new Flag();
$result = async(function () use ($d, $flag) {
    $p = $d->promise();
    $p->await();
});
Loop::run(); // starts the fiber, which suspends
$ref = WeakReference::create($result);
unset($d, $flag, $result);
echo "freed by refcount alone: ", var_export(Flag::$freed > 0, true), "\n";
echo "collected: ", var_export(gc_collect_cycles() > 0, true), "\n";
echo "flag freed: ", var_export(Flag::$freed === 1, true), "\n";
echo "result promise freed: ", var_export($ref->get() === null, true), "\n";
?>
--EXPECT--
freed by refcount alone: false
collected: true
flag freed: true
result promise freed: true
