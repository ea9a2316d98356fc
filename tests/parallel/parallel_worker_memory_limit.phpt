--TEST--
Async\Parallel: a task that exhausts memory_limit (set for the workers through the "ini" option) ends its worker: WorkerException with exit code 255 and "Allowed memory size ... exhausted" in getStderr(); the next task succeeds
--EXTENSIONS--
async
--SKIPIF--
<?php
// Without the Zend allocator (ASan and valgrind runs) memory_limit is not enforced: the task would never stop.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip memory_limit needs the Zend allocator (USE_ZEND_ALLOC=0 here)');
?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 1, 'ini' => ['memory_limit' => '32M']]);
var_dump(wait_for($pool->submit(new EnvironmentTask(['memory_limit'])))['ini']);

$e = outcome($pool->submit(new MemoryHogTask()));
echo "--- memory\n";
echo get_class($e), "\n";
var_dump($e->getExitCode(), $e->getSignal());
var_dump(strpos($e->getStderr(), 'Fatal error: Allowed memory size of 33554432 bytes exhausted') !== false);
var_dump(strpos($e->getMessage(), 'exit status 255; its stderr ended with:') !== false);
var_dump(strpos($e->getMessage(), 'Allowed memory size of 33554432 bytes exhausted') !== false);
var_dump(wait_for($pool->submit(new DoubleTask(1))));
echo json_encode($pool->stats()), "\n";
?>
--EXPECTF--
array(1) {
  ["memory_limit"]=>
  string(3) "32M"
}
%AFatal error: Allowed memory size of 33554432 bytes exhausted%A
--- memory
Async\Parallel\WorkerException
int(255)
NULL
bool(true)
bool(true)
bool(true)
int(2)
{"workers":1,"busy":0,"queued":0,"completed":2,"failed":1}
