--TEST--
Async\Parallel: a task that calls exit(3) rejects with WorkerException (exit code 3, what it wrote to STDERR, which is also passed on to ours); the pool replaces the worker and queued tasks still run
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 1]);
$pid = wait_for($pool->submit(new PidTask()));

// Queued behind the dying task on the only worker: they run on its replacement.
$dies = $pool->submit(new ExitTask(3, "task: about to exit\n"));
$next = $pool->submit(new DoubleTask(21));
$pid2 = $pool->submit(new PidTask());
$e = outcome($dies);
echo "--- after the death\n";
echo get_class($e), "\n";
var_dump($e instanceof Async\AsyncException);
echo $e->getMessage(), "\n";
var_dump($e->getExitCode(), $e->getSignal(), $e->getStderr());
var_dump(strpos($e->getMessage(), "Worker process $pid died") === 0);

var_dump(wait_for($next));
$pid2 = wait_for($pid2);
var_dump(is_int($pid2) && $pid2 !== $pid && $pid2 !== getmypid());
var_dump(wait_gone($pid));

// exit(0) with nothing on stderr is a death too: the task never answered.
$e = outcome($pool->submit(new ExitTask(0)));
echo describe($e), "\n";
var_dump($e->getExitCode(), $e->getSignal(), $e->getStderr());
var_dump(wait_for($pool->submit(new DoubleTask(5))));
echo json_encode($pool->stats()), "\n";
?>
--EXPECTF--
task: about to exit
--- after the death
Async\Parallel\WorkerException
bool(true)
Worker process %d died while running task ExitTask: exit status 3; its stderr ended with:
task: about to exit
int(3)
NULL
string(20) "task: about to exit
"
bool(true)
int(42)
bool(true)
bool(true)
Async\Parallel\WorkerException: Worker process %d died while running task ExitTask: exit status 0 (nothing on stderr)
int(0)
NULL
string(0) ""
int(10)
{"workers":1,"busy":0,"queued":0,"completed":4,"failed":2}
