--TEST--
Async\Parallel::shutdown(): the queued and running tasks finish, then the workers exit and the promise resolves (same promise each call); submit() and map() then throw AsyncError
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 2]);
$pids = wait_for($pool->map([new SlowPidTask(0.1), new SlowPidTask(0.1)]));
var_dump(count(array_unique($pids)));
$ps = [$pool->submit(new SleepTask(0.2, 's1')), $pool->submit(new SleepTask(0.2, 's2'))];
for ($i = 1; $i <= 3; $i++) {
    $ps[] = $pool->submit(new DoubleTask($i));
}
$done = $pool->shutdown();
var_dump($done instanceof Async\Promise, $done->isPending(), $done === $pool->shutdown());
show_error(function () use ($pool) { $pool->submit(new DoubleTask(1)); });
show_error(function () use ($pool) { $pool->map([new DoubleTask(1)]); });

var_dump(wait_for($done));
// Every task finished before the workers went, and they are gone now.
foreach ($ps as $p) {
    echo describe(outcome($p)), "\n";
}
echo json_encode($pool->stats()), "\n";
foreach ($pids as $pid) {
    var_dump(process_alive($pid));
}
var_dump(zombies());

// An unused pool: resolved at once; kill() after it is harmless.
$idle = task_pool();
$p = $idle->shutdown();
var_dump($p->isPending(), wait_for($p));
$idle->kill();
show_error(function () use ($idle) { $idle->submit(new DoubleTask(1)); });

// Shut down from inside a result handler, with work still queued.
$pool = task_pool(['workers' => 1]);
$results = [];
$last = null;
$pool->submit(new DoubleTask(1))->then(function ($v) use ($pool, &$results, &$last) {
    $results[] = $v;
    $last = $pool->shutdown();
});
$second = $pool->submit(new DoubleTask(2));
var_dump(wait_for($second));
var_dump(wait_for($last), $results, $pool->stats()['workers']);
?>
--EXPECT--
int(2)
bool(true)
bool(true)
bool(true)
Async\AsyncError: The Async\Parallel pool was shut down: it takes no new tasks
Async\AsyncError: The Async\Parallel pool was shut down: it takes no new tasks
NULL
value: 's1'
value: 's2'
value: 2
value: 4
value: 6
{"workers":0,"busy":0,"queued":0,"completed":7,"failed":0}
bool(false)
bool(false)
array(0) {
}
bool(false)
NULL
Async\AsyncError: The Async\Parallel pool was shut down: it takes no new tasks
int(4)
NULL
array(1) {
  [0]=>
  int(2)
}
int(0)
