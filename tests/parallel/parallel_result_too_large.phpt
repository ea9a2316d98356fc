--TEST--
Async\Parallel: a result too large for the parent's memory_limit rejects with WorkerException (the worker is stopped) instead of a fatal error here; the pool goes on
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
memory_limit=48M
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 1, 'ini' => ['memory_limit' => '512M']]);
$pid = wait_for($pool->submit(new PidTask()));
$e = outcome($pool->submit(new BigResultTask(80 << 20)), 60);
echo describe($e), "\n";
var_dump(wait_gone($pid, 3.0));
var_dump(wait_for($pool->submit(new DoubleTask(3))));
?>
--EXPECTF--
Async\Parallel\WorkerException: Worker process %d was stopped while running task BigResultTask: its result of 838860%d bytes does not fit in this process's memory_limit
bool(true)
int(6)
