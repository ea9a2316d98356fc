--TEST--
Async\Parallel: no zombie is left after worker deaths, timeouts, recycling, kill(), shutdown() and a pool that is simply dropped
--EXTENSIONS--
async
--SKIPIF--
<?php if (!is_readable('/proc/self/stat')) die('skip /proc needed'); ?>
--CLEAN--
<?php @unlink(__DIR__ . '/parallel_zombies.pid'); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

function report(string $when): void
{
    $z = zombies();
    echo $when, ": ", $z ? 'zombies ' . implode(',', $z) : 'no zombie', "\n";
}

$pool = task_pool(['workers' => 2, 'task_timeout' => 0.3 * slowdown(), 'max_tasks_per_worker' => 3]);
echo describe(outcome($pool->submit(new ExitTask(1)))), "\n";
report('after exit()');
echo get_class(outcome($pool->submit(new SpinTask(__DIR__ . '/parallel_zombies.pid')))), "\n";
pause(0.1);
report('after a timeout');
$pids = wait_for($pool->map(array_fill(0, 9, new PidTask())));
report('after recycling');
$ps = [$pool->submit(new SleepTask(10)), $pool->submit(new SleepTask(10))];
pause(0.1);
$pool->kill();
foreach ($ps as $p) {
    outcome($p);
}
report('after kill()');

$pool = task_pool(['workers' => 2]);
wait_for($pool->map([new SleepTask(0.05), new SleepTask(0.05)]));
wait_for($pool->shutdown());
report('after shutdown()');

// Dropped with two idle workers: they exit when their connection closes.
$pool = task_pool(['workers' => 2]);
$pids = wait_for($pool->map([new SlowPidTask(0.05), new SlowPidTask(0.05)]));
$pool = null;
foreach ($pids as $pid) {
    var_dump(wait_gone($pid));
}
report('after dropping a pool');
// And none of this process's children is left at all.
var_dump(child_states());
?>
--EXPECTF--
Async\Parallel\WorkerException: Worker process %d died while running task ExitTask: exit status 1 (nothing on stderr)
after exit(): no zombie
Async\TimeoutException
after a timeout: no zombie
after recycling: no zombie
after kill(): no zombie
after shutdown(): no zombie
bool(true)
bool(true)
after dropping a pool: no zombie
array(0) {
}
