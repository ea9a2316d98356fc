--TEST--
Async\Parallel: pcntl_fork() + pcntl_waitpid() work while a pool is active; in the child the parent's pool takes no tasks and dropping it there (or at the child's exit) leaves the parent's workers and their events alone
--EXTENSIONS--
async
--SKIPIF--
<?php if (!extension_loaded('pcntl')) die('skip pcntl needed'); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

/** Forks; the child runs $child (its return value is the exit code); returns the child's exit status. */
function in_child(callable $child): int
{
    $pid = pcntl_fork();
    if ($pid === 0) {
        exit($child());
    }
    // The loop runs (SIGCHLD watched) while the child exits.
    pause(0.1);
    return pcntl_waitpid($pid, $status) === $pid && pcntl_wifexited($status) ? pcntl_wexitstatus($status) : -1;
}

/** Whether the pool still answers, from the same worker. */
function same_worker(Async\Parallel $pool, int $workerPid): void
{
    $r = outcome($pool->submit(new PidTask()), 5);
    echo describe($r === $workerPid ? 'the same worker answered' : $r), "\n";
}

echo "--- the child exits (the pool object is freed at its exit)\n";
$pool = task_pool(['workers' => 1]);
$workerPid = wait_for($pool->submit(new PidTask()));
var_dump(in_child(function () { return 4; }));
same_worker($pool, $workerPid);
var_dump(process_alive($workerPid));

echo "--- the child drops the pool\n";
$pool = task_pool(['workers' => 1]);
$workerPid = wait_for($pool->submit(new PidTask()));
var_dump(in_child(function () use (&$pool) { $pool = null; return 3; }));
same_worker($pool, $workerPid);

echo "--- the child tries to use the pool\n";
$pool = task_pool(['workers' => 1]);
$workerPid = wait_for($pool->submit(new PidTask()));
$GLOBALS['keep'] = $pool; // not freed in the child before its request ends
var_dump(in_child(function () use ($pool) {
    try {
        $pool->submit(new DoubleTask(1));
        return 6;
    } catch (Async\AsyncError $e) {
        return 5;
    }
}));
same_worker($pool, $workerPid);

echo "--- a child waited for at once, no loop running\n";
$child = pcntl_fork();
if ($child === 0) {
    exit(7);
}
var_dump(pcntl_waitpid($child, $status) === $child, pcntl_wexitstatus($status));
echo describe(outcome($pool->submit(new DoubleTask(2)), 5)), "\n";
?>
--EXPECT--
--- the child exits (the pool object is freed at its exit)
int(4)
value: 'the same worker answered'
bool(true)
--- the child drops the pool
int(3)
value: 'the same worker answered'
--- the child tries to use the pool
int(5)
value: 'the same worker answered'
--- a child waited for at once, no loop running
bool(true)
int(7)
value: 4
