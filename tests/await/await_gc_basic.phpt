--TEST--
Async\await(): a suspended fiber awaiting a promise that references the fiber is collected by gc_collect_cycles()
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
use function Async\await;

class Flag {
    public static $freed = [];
    private $name;
    public function __construct(string $name) { $this->name = $name; }
    public function __destruct() { self::$freed[] = $this->name; }
}

function check(string $what, WeakReference $fiber) {
    $before = count(Flag::$freed);
    $collected = gc_collect_cycles() + gc_collect_cycles();
    echo "$what: freed by refcount alone: ", var_export($before > 0, true),
        ", collected: ", var_export($collected > 0, true),
        ", flag freed: ", var_export(in_array($what, Flag::$freed, true), true),
        ", fiber freed: ", var_export($fiber->get() === null, true), "\n";
    Flag::$freed = [];
}
gc_collect_cycles();

// The fiber awaits $p->await(); the promise's Deferred is only reachable from
// the fiber's own stack, and the promise holds the fiber (to resume it).
$d = new Deferred();
$flag = new Flag("method form");
$fiber = new Fiber(function () use ($d, $flag) {
    $p = $d->promise();
    $p->await();
});
$fiber->start();
$ref = WeakReference::create($fiber);
unset($fiber, $d, $flag);
check("method form", $ref);

// The same with the function Async\await().
$d = new Deferred();
$flag = new Flag("function form");
$fiber = new Fiber(function () use ($d, $flag) {
    await($d->promise());
});
$fiber->start();
$ref = WeakReference::create($fiber);
unset($fiber, $d, $flag);
check("function form", $ref);

// An object holding both the fiber and the Deferred it waits on.
$box = new stdClass();
$box->flag = new Flag("fiber and deferred in one object");
$box->deferred = new Deferred();
$box->fiber = new Fiber(function () use ($box) {
    $p = $box->deferred->promise();
    $p->await();
});
$box->fiber->start();
$ref = WeakReference::create($box->fiber);
unset($box);
check("fiber and deferred in one object", $ref);

Loop::run();
echo "done\n";
?>
--EXPECT--
method form: freed by refcount alone: false, collected: true, flag freed: true, fiber freed: true
function form: freed by refcount alone: false, collected: true, flag freed: true, fiber freed: true
fiber and deferred in one object: freed by refcount alone: false, collected: true, flag freed: true, fiber freed: true
done
