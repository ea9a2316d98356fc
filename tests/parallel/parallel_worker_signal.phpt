--TEST--
Async\Parallel: a worker ended by a signal (SIGSEGV sent to itself, SIGKILL from outside) rejects with WorkerException, getSignal() set and getExitCode() null; the next task succeeds
--EXTENSIONS--
async
--SKIPIF--
<?php
if (!extension_loaded('posix')) die('skip posix needed');
?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';
// Under ASan the workers must die of the SIGSEGV, not report it and exit(1).
if (($asan = getenv('ASAN_OPTIONS')) !== false) {
    putenv("ASAN_OPTIONS=$asan:handle_segv=0");
}

$pool = task_pool(['workers' => 1]);
$pid = wait_for($pool->submit(new PidTask()));

$e = outcome($pool->submit(new SignalTask(SIGSEGV)));
echo describe($e), "\n";
var_dump($e->getSignal(), $e->getExitCode(), $e->getStderr());
$pid2 = wait_for($pool->submit(new PidTask()));
var_dump($pid2 !== $pid);

// Killed from outside while it sleeps in a task.
$sleeping = $pool->submit(new SleepTask(10, 'not this'));
pause(0.2);
posix_kill($pid2, SIGKILL);
$e = outcome($sleeping);
echo describe($e), "\n";
var_dump($e->getSignal(), $e->getExitCode());
var_dump(wait_for($pool->submit(new DoubleTask(4))));
echo json_encode($pool->stats()), "\n";
?>
--EXPECTF--
Async\Parallel\WorkerException: Worker process %d died while running task SignalTask: signal 11 (Segmentation fault) (nothing on stderr)
int(11)
NULL
string(0) ""
bool(true)
Async\Parallel\WorkerException: Worker process %d died while running task SleepTask: signal 9 (Killed) (nothing on stderr)
int(9)
NULL
int(8)
{"workers":1,"busy":0,"queued":0,"completed":3,"failed":2}
