--TEST--
Async\Parallel option max_tasks_per_worker: a worker is replaced after that many tasks (its process ends); without it the same workers serve every task
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

function runs(array $pids): string
{
    // "aabbcc": one letter per distinct pid, in order of appearance.
    $names = [];
    $s = '';
    foreach ($pids as $pid) {
        if (!isset($names[$pid])) {
            $names[$pid] = chr(ord('a') + count($names));
        }
        $s .= $names[$pid];
    }
    return $s;
}

$pool = task_pool(['workers' => 1, 'max_tasks_per_worker' => 2]);
$pids = [];
for ($i = 0; $i < 6; $i++) {
    $pids[] = wait_for($pool->submit(new PidTask()));
}
echo runs($pids), "\n";
// The retired ones exit.
var_dump(wait_gone($pids[0]), wait_gone($pids[2]));
echo json_encode($pool->stats()), "\n";

// Queued at once, the same.
echo runs(wait_for($pool->map(array_fill(0, 7, new PidTask())))), "\n";

// max_tasks_per_worker => 1: a new process for every task.
$pool = task_pool(['workers' => 2, 'max_tasks_per_worker' => 1]);
var_dump(count(array_unique(wait_for($pool->map(array_fill(0, 6, new PidTask()))))));

// Without it: two workers for everything.
$pool = task_pool(['workers' => 2]);
$pids = [];
for ($i = 0; $i < 5; $i++) {
    $pids[] = wait_for($pool->submit(new PidTask()));
}
echo runs($pids), "\n";
var_dump(count(array_unique(array_merge($pids, wait_for($pool->map(array_fill(0, 20, new PidTask())))))));
?>
--EXPECT--
aabbcc
bool(true)
bool(true)
{"workers":0,"busy":0,"queued":0,"completed":6,"failed":0}
aabbccd
int(6)
aaaaa
int(2)
