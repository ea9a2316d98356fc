--TEST--
Async\Parallel: a timed-out task whose worker ignores SIGTERM is ended with SIGKILL about a second later; no zombie is left
--EXTENSIONS--
async
--SKIPIF--
<?php if (!extension_loaded('pcntl')) die('skip pcntl needed'); ?>
--CLEAN--
<?php @unlink(__DIR__ . '/parallel_task_timeout_sigkill.pid'); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$file = __DIR__ . '/parallel_task_timeout_sigkill.pid';
$slow = slowdown();
$pool = task_pool(['workers' => 1, 'task_timeout' => 0.2 * $slow]);

$start = microtime(true);
echo describe(outcome($pool->submit(new StubbornSpinTask($file)))), "\n";
$pid = (int) file_get_contents($file);
var_dump($pid > 0 && $pid !== getmypid());

// SIGTERM is ignored: still there for a while, then SIGKILL ends it.
pause(0.3);
var_dump(process_alive($pid));
var_dump(wait_gone($pid, 5.0 * $slow));
$took = microtime(true) - $start;
var_dump($took >= 1.1, $took < 6.0 * $slow);
var_dump(zombies());
var_dump(wait_for($pool->submit(new DoubleTask(1))));
?>
--EXPECTF--
Async\TimeoutException: Task StubbornSpinTask did not finish within %s s (task_timeout): its worker process %d was stopped
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
array(0) {
}
int(2)
