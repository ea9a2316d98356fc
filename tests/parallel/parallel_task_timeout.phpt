--TEST--
Async\Parallel: a task in an endless loop is rejected with Async\TimeoutException after task_timeout; its worker is stopped (the process is gone) and the next tasks run on a new one
--EXTENSIONS--
async
--SKIPIF--
<?php
// valgrind runs the workers too, and one stopped by SIGTERM reports its whole heap as lost.
if (getenv('USE_ZEND_ALLOC') === '0' && getenv('ASAN_OPTIONS') === false) die('skip valgrind runs the workers too');
?>
--CLEAN--
<?php @unlink(__DIR__ . '/parallel_task_timeout.pid'); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$file = __DIR__ . '/parallel_task_timeout.pid';
$slow = slowdown();
$pool = task_pool(['workers' => 1, 'task_timeout' => 0.3 * $slow]);
$pid = wait_for($pool->submit(new PidTask()));

$start = microtime(true);
$stuck = $pool->submit(new SpinTask($file));
$queued = $pool->submit(new DoubleTask(8)); // waits behind it on the only worker
$e = outcome($stuck);
$took = microtime(true) - $start;
echo get_class($e), "\n";
var_dump($e instanceof Async\AsyncException);
echo $e->getMessage(), "\n";
var_dump($took >= 0.29 * $slow, $took < 5.0 * $slow);
var_dump((int) file_get_contents($file) === $pid);

// The queued task runs on a new worker; the stuck one ends (SIGTERM).
var_dump(wait_for($queued));
var_dump(wait_gone($pid, 3.0 * $slow));
$pid2 = wait_for($pool->submit(new PidTask()));
var_dump($pid2 !== $pid);
echo json_encode($pool->stats()), "\n";

// A task that finishes in time is not affected.
var_dump(wait_for($pool->submit(new SleepTask(0.05, 'in time'))));
var_dump(wait_for($pool->submit(new PidTask())) === $pid2);
?>
--EXPECTF--
Async\TimeoutException
bool(true)
Task SpinTask did not finish within %s s (task_timeout): its worker process %d was stopped
bool(true)
bool(true)
bool(true)
int(16)
bool(true)
bool(true)
{"workers":1,"busy":0,"queued":0,"completed":3,"failed":1}
string(7) "in time"
bool(true)
