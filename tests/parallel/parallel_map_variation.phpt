--TEST--
Async\Parallel::map(): 1,000 tasks through 2 workers come back complete and in order, spread over both workers
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 2]);
$tasks = [];
for ($i = 0; $i < 1000; $i++) {
    $tasks["k$i"] = new DoubleTask($i);
}
$results = wait_for($pool->map($tasks), 60);
var_dump(count($results));
$bad = 0;
$i = 0;
foreach ($results as $key => $value) {
    $bad += $key !== "k$i" || $value !== 2 * $i;
    $i++;
}
var_dump($bad);
echo json_encode($pool->stats()), "\n";

// Both workers took part.
$pids = wait_for($pool->map(array_map(function ($i) { return new SleepTask(0.001, $i); }, range(1, 50))));
var_dump($pids === range(1, 50));
$pids = array_unique(wait_for($pool->map(array_fill(0, 200, new PidTask()))));
var_dump(count($pids));
?>
--EXPECT--
int(1000)
int(0)
{"workers":2,"busy":0,"queued":0,"completed":1000,"failed":0}
bool(true)
int(2)
