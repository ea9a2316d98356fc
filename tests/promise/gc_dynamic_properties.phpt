--TEST--
PHP 7.4 (where these classes allow dynamic properties): a cycle through a dynamic property of a Deferred, Promise, Parallel or Process is collected (get_gc reports the properties too)
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID >= 80000) die("skip PHP 8 refuses dynamic properties on these classes"); ?>
--FILE--
<?php
class Witness { public $name; function __construct($n) { $this->name = $n; } function __destruct() { echo "freed: {$this->name}\n"; } }

$d = new Async\Deferred();
$p = (new Async\Deferred())->promise();
$objects = ['Deferred' => $d, 'Promise' => $p, 'Parallel' => new Async\Parallel(), 'Process' => new Async\Process(['true'])];
foreach ($objects as $name => $o) {
    $o->self = $o;
    $o->witness = new Witness($name);
}
unset($d, $p, $o, $objects);
var_dump(gc_collect_cycles() > 0);
echo "end\n";
?>
--EXPECT--
freed: Deferred
freed: Promise
freed: Parallel
freed: Process
bool(true)
end
