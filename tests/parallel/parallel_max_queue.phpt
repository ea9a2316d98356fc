--TEST--
Async\Parallel option max_queue: a task submitted when that many already wait for a worker is rejected with AsyncException (the others run); the queue frees up as workers take tasks
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 1, 'max_queue' => 3]);

// Nothing is dispatched before the loop runs: the 4th and 5th do not fit.
$ps = [];
for ($i = 1; $i <= 5; $i++) {
    $ps[] = $pool->submit(new DoubleTask($i));
}
echo json_encode($pool->stats()), "\n";
foreach ($ps as $p) {
    echo describe(outcome($p)), "\n";
}

// A busy worker and three waiting: full again; the running task does not count.
$busy = $pool->submit(new SleepTask(0.3, 'busy'));
pause(0.1);
$ps = [];
for ($i = 1; $i <= 4; $i++) {
    $ps[] = $pool->submit(new DoubleTask($i));
}
echo json_encode($pool->stats()), "\n";
echo describe(outcome($ps[3])), "\n";
echo describe(outcome($busy)), "\n";
var_dump(wait_for(Async\Promise::all(array_slice($ps, 0, 3))));

// map() beyond the limit rejects as a whole.
echo describe(outcome($pool->map(array_fill(0, 4, new DoubleTask(1))))), "\n";
pause(0.1);
echo json_encode($pool->stats()), "\n";
?>
--EXPECT--
{"workers":0,"busy":0,"queued":3,"completed":0,"failed":0}
value: 2
value: 4
value: 6
Async\AsyncException: The Async\Parallel queue is full (max_queue = 3 tasks waiting for a worker)
Async\AsyncException: The Async\Parallel queue is full (max_queue = 3 tasks waiting for a worker)
{"workers":1,"busy":1,"queued":3,"completed":3,"failed":0}
Async\AsyncException: The Async\Parallel queue is full (max_queue = 3 tasks waiting for a worker)
value: 'busy'
array(3) {
  [0]=>
  int(2)
  [1]=>
  int(4)
  [2]=>
  int(6)
}
Async\AsyncException: The Async\Parallel queue is full (max_queue = 3 tasks waiting for a worker)
{"workers":1,"busy":0,"queued":0,"completed":10,"failed":0}
