--TEST--
Async\Parallel: a task or result that cannot cross processes (closure, resource, generator, anywhere inside; __sleep, __wakeup, __serialize that fail) rejects with SerializationException naming where it is; the worker is not lost
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 1]);
$pid = wait_for($pool->submit(new PidTask()));
$closed = fopen('php://memory', 'r');
fclose($closed);

echo "--- tasks (rejected here, nothing is sent)\n";
foreach ([
    new HolderTask(function () {}),
    new HolderTask(['k' => [1, function () {}]]),
    new HolderTask(null, STDIN),
    new HolderTask((object) ['deep' => ['r' => fopen('php://memory', 'r')]]),
    new HolderTask($closed),
    new GeneratorHolderTask(),
    new SleepingTask(function () {}),
] as $task) {
    $p = $pool->submit($task);
    $e = outcome($p);
    echo describe($e), "\n";
    if ($e->getPrevious()) {
        echo "  previous: ", describe($e->getPrevious()), "\n";
    }
}
echo json_encode($pool->stats()), "\n";

echo "--- results and unserialization in the worker\n";
foreach ([new BadResultTask('closure'), new BadResultTask('resource'), new ResultSerializeFailsTask()] as $task) {
    echo describe(outcome($pool->submit($task))), "\n";
}
$e = outcome($pool->submit(new WakeupFailsTask()));
echo describe($e), "\n";
var_dump(strpos($e->getMessage(), "(pid $pid)") !== false);

// map() with one bad task rejects as a whole.
echo describe(outcome($pool->map(['a' => new DoubleTask(1), 'b' => new HolderTask(function () {})]))), "\n";

// The same worker served every task.
var_dump(wait_for($pool->submit(new PidTask())) === $pid);
echo json_encode($pool->stats()), "\n";
?>
--EXPECTF--
--- tasks (rejected here, nothing is sent)
Async\Parallel\SerializationException: Task HolderTask cannot be sent to another process: $task->f holds an object that cannot be serialized (Closure)
Async\Parallel\SerializationException: Task HolderTask cannot be sent to another process: $task->f['k'][1] holds an object that cannot be serialized (Closure)
Async\Parallel\SerializationException: Task HolderTask cannot be sent to another process: $task->hidden holds a resource (stream)
Async\Parallel\SerializationException: Task HolderTask cannot be sent to another process: $task->f->deep['r'] holds a resource (stream)
Async\Parallel\SerializationException: Task HolderTask cannot be sent to another process: $task->f holds a resource (closed)
Async\Parallel\SerializationException: Task GeneratorHolderTask cannot be sent to another process: $task->gen holds an object that cannot be serialized (Generator)
Async\Parallel\SerializationException: Task SleepingTask cannot be sent to another process: Serialization of 'Closure' is not allowed
  previous: Exception: Serialization of 'Closure' is not allowed
{"workers":1,"busy":0,"queued":0,"completed":1,"failed":0}
--- results and unserialization in the worker
Async\Parallel\SerializationException: Task BadResultTask: The result of BadResultTask::run() cannot be sent to another process: $result['list'][2] holds an object that cannot be serialized (Closure)
Async\Parallel\SerializationException: Task BadResultTask: The result of BadResultTask::run() cannot be sent to another process: $result->handle holds a resource (stream)
Async\Parallel\SerializationException: Task ResultSerializeFailsTask: The result of ResultSerializeFailsTask::run() cannot be sent to another process: this object stays where it is
Async\Parallel\SerializationException: Task WakeupFailsTask: no waking up here (pid %d)
bool(true)
Async\Parallel\SerializationException: Task HolderTask cannot be sent to another process: $task->f holds an object that cannot be serialized (Closure)
bool(true)
{"workers":1,"busy":0,"queued":0,"completed":3,"failed":4}
