--TEST--
Async\Promise: creating and settling 1,000,000 promises keeps memory flat, between runs and within one run
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Deferred;
use Async\Loop;

// 1,000 batches of a 1,000-promise then() chain in the plain build. Under
// valgrind and ASan (both set USE_ZEND_ALLOC=0, where memory_get_usage() sees
// nothing anyway) the same loop runs 20 batches, to keep those runs short.
$batches = getenv('USE_ZEND_ALLOC') === '0' ? 20 : 1000;
$perBatch = 1000;

$calls = 0;
$last = null;
$baseline = null;
for ($b = 0; $b < $batches; $b++) {
    $d = new Deferred();
    $p = $d->promise();
    for ($i = 1; $i < $perBatch; $i++) {
        $p = $p->then(function ($v) use (&$calls) { $calls++; return $v + 1; });
    }
    $p->then(function ($v) use (&$last) { $last = $v; });
    $d->resolve(0);
    unset($p, $d);
    Loop::run();
    if ($b === 9) {
        $baseline = memory_get_usage();
    }
}
$growth = memory_get_usage() - $baseline;
echo "reactions run: ", $calls === $batches * ($perBatch - 1) ? "all" : $calls, "\n";
echo "last value: $last\n";
// 64 KB of slack for allocator noise; a leak of even one zval per promise
// would be about 16 MB.
echo "memory flat: ", $growth < 65536 ? "yes" : "no, grew by $growth bytes", "\n";
echo "gc finds nothing left: ", gc_collect_cycles(), "\n";

// The same inside one long Loop::run(): each batch is built by a deferred
// callback that queues the next one.
$calls = 0;
$last = null;
$baseline = null;
$b = 0;
$batch = function () use (&$batch, &$b, &$calls, &$last, &$baseline, $batches, $perBatch) {
    if ($b === 10) {
        $baseline = memory_get_usage(); // the last batch is done with, as at the end
    }
    $d = new Deferred();
    $p = $d->promise();
    for ($i = 1; $i < $perBatch; $i++) {
        $p = $p->then(function ($v) use (&$calls) { $calls++; return $v + 1; });
    }
    $p->then(function ($v) use (&$last) { $last = $v; });
    $d->resolve(0);
    if (++$b < $batches) {
        Loop::defer($batch);
    }
};
Loop::defer($batch);
Loop::run();
$batch = null;
$growth = memory_get_usage() - $baseline;
echo "in one run: reactions run: ", $calls === $batches * ($perBatch - 1) ? "all" : $calls, ", last value: $last\n";
echo "in one run: memory flat: ", $growth < 65536 ? "yes" : "no, grew by $growth bytes", "\n";
?>
--EXPECT--
reactions run: all
last value: 999
memory flat: yes
gc finds nothing left: 0
in one run: reactions run: all, last value: 999
in one run: memory flat: yes
