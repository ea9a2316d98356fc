--TEST--
Async\Parallel: a fatal error in a task that is not an exception (a function declared twice) ends the worker: WorkerException with exit code 255 and the fatal message in getStderr() and in the message; the next task succeeds
--EXTENSIONS--
async
--SKIPIF--
<?php
// valgrind also runs the workers, and reports what a fatal error leaves for the
// Zend allocator to drop in bulk: the worker then exits 1 (--error-exitcode), not 255.
if (getenv('USE_ZEND_ALLOC') === '0' && getenv('ASAN_OPTIONS') === false) die('skip valgrind runs the workers too');
?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

// ASan runs: a worker ended by a fatal error skips the frees that the Zend
// allocator would do in bulk, which LeakSanitizer would report; its workers
// (which inherit our environment) do not look for leaks.
if (getenv('ASAN_OPTIONS') !== false) {
    putenv('ASAN_OPTIONS=' . getenv('ASAN_OPTIONS') . ':detect_leaks=0');
}

$pool = task_pool(['workers' => 1]);
$pid = wait_for($pool->submit(new PidTask()));
$e = outcome($pool->submit(new CompileErrorTask()));
echo "--- compile error\n";
echo get_class($e), "\n";
var_dump($e->getExitCode(), $e->getSignal());
var_dump(preg_match('/^Fatal error: Cannot redeclare (function )?async_test_declared_twice\(\)/m', $e->getStderr()));
var_dump(strpos($e->getMessage(), "Worker process $pid died while running task CompileErrorTask: exit status 255; its stderr ended with:\n") === 0);
var_dump(strpos($e->getMessage(), 'Cannot redeclare') !== false);
var_dump(wait_gone($pid));
var_dump(wait_for($pool->submit(new DoubleTask(2))));
echo json_encode($pool->stats()), "\n";
?>
--EXPECTF--
%AFatal error: Cannot redeclare %A
--- compile error
Async\Parallel\WorkerException
int(255)
NULL
int(1)
bool(true)
bool(true)
bool(true)
int(4)
{"workers":1,"busy":0,"queued":0,"completed":2,"failed":1}
