--TEST--
Async\Parallel option task_timeout: it limits the task's run, not the start of a new worker; a worker whose bootstrap takes longer than task_timeout still runs quick tasks
--EXTENSIONS--
async
--SKIPIF--
<?php if (getenv('USE_ZEND_ALLOC') === '0' && getenv('ASAN_OPTIONS') === false) die('skip timing under valgrind'); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = new Async\Parallel(['workers' => 1, 'task_timeout' => 0.3, 'bootstrap' => __DIR__ . '/fixtures/slow_bootstrap.php']);
echo describe(outcome($pool->submit(new DoubleTask(1)))), "\n";
echo describe(outcome($pool->submit(new DoubleTask(2)))), "\n";
echo describe(outcome($pool->submit(new SleepTask(0.5, 'too slow')))), "\n";
?>
--EXPECTF--
value: 2
value: 4
Async\TimeoutException: Task SleepTask did not finish within 0.3 s (task_timeout): its worker process %d was stopped
