--TEST--
Async\Parallel: while a pool has workers (and watches SIGCHLD), proc_open()/proc_close(), exec() and proc_get_status() in the same process still see their own children's exit codes
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 2]);
$pid = wait_for($pool->submit(new PidTask()));

$proc = proc_open(['sh', '-c', 'exit 7'], [], $pipes);
var_dump(proc_close($proc));

// It exits while the loop runs and SIGCHLD is handled: not taken from proc_close().
$proc = proc_open(['sh', '-c', 'sleep 0.1; exit 9'], [], $pipes);
$slow = $pool->submit(new SleepTask(0.3, 'slow'));
var_dump(wait_for($slow));
var_dump(proc_close($proc));

$proc = proc_open(['sh', '-c', 'exit 3'], [], $pipes);
$deadline = microtime(true) + 5;
do {
    pause(0.02);
    $status = proc_get_status($proc);
} while ($status['running'] && microtime(true) < $deadline);
var_dump($status['running'], $status['exitcode']);
proc_close($proc);

exec('exit 5', $out, $rc);
var_dump($rc);

// The pool is unaffected.
var_dump(wait_for($pool->submit(new PidTask())) === $pid);
var_dump(wait_for($pool->submit(new DoubleTask(8))));
?>
--EXPECT--
int(7)
string(4) "slow"
int(9)
bool(false)
int(3)
int(5)
bool(true)
int(16)
