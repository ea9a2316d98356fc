--TEST--
Async\Parallel::kill(): the workers get SIGKILL; running and queued tasks reject with Async\CancelledException; the pool takes no new tasks; no process or zombie is left
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
$ps = [
    'running 1' => $pool->submit(new SleepTask(30, 'no')),
    'running 2' => $pool->submit(new SleepTask(30, 'no')),
    'queued' => $pool->submit(new DoubleTask(1)),
];
pause(0.2);
echo json_encode($pool->stats()), "\n";
$start = microtime(true);
$pool->kill();
$pool->kill(); // twice: nothing more
foreach ($ps as $name => $p) {
    echo "$name: ", describe(outcome($p)), "\n";
}
var_dump(microtime(true) - $start < 5);
foreach ($pids as $pid) {
    var_dump(wait_gone($pid, 3.0));
}
var_dump(zombies());
echo json_encode($pool->stats()), "\n";
show_error(function () use ($pool) { $pool->submit(new DoubleTask(1)); });
var_dump(wait_for($pool->shutdown()));

// kill() before the loop ever ran: the queued task is cancelled, no worker was started.
$pool = task_pool(['workers' => 1]);
$p = $pool->submit(new DoubleTask(1));
$pool->kill();
echo describe(outcome($p)), "\n";
echo json_encode($pool->stats()), "\n";
?>
--EXPECT--
int(2)
{"workers":2,"busy":2,"queued":1,"completed":2,"failed":0}
running 1: Async\CancelledException: Task SleepTask was cancelled: the Async\Parallel pool was killed
running 2: Async\CancelledException: Task SleepTask was cancelled: the Async\Parallel pool was killed
queued: Async\CancelledException: Task DoubleTask was cancelled: the Async\Parallel pool was killed
bool(true)
bool(true)
bool(true)
array(0) {
}
{"workers":0,"busy":0,"queued":0,"completed":2,"failed":3}
Async\AsyncError: The Async\Parallel pool was shut down: it takes no new tasks
NULL
Async\CancelledException: Task DoubleTask was cancelled: the Async\Parallel pool was killed
{"workers":0,"busy":0,"queued":0,"completed":0,"failed":1}
