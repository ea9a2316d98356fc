--TEST--
Async\Parallel: a task that throws rejects with TaskFailedException carrying the original class, message, code (int or string), file, line and trace; the worker survives
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 1]);
$pid = wait_for($pool->submit(new PidTask()));

// The line of the fixture that throws, found by its marker.
$fixture = realpath(__DIR__ . '/fixtures/tasks.php');
$throwLine = $stringCodeLine = 0;
foreach (file($fixture) as $i => $text) {
    if (strpos($text, '// the line the tests look for') !== false) {
        $throwLine = $i + 1;
    }
    if (strpos($text, 'throw new StringCodeException(') !== false) {
        $stringCodeLine = $i + 1;
    }
}

foreach ([
    new ThrowTask('LogicException', 'int code', 42),
    new ThrowTask('DomainException', "multi\nline message é", -7),
    new ThrowTask('RuntimeException', 'string code', 'HY000'),
    new ThrowTask('Exception', '', 0),
] as $task) {
    $e = outcome($pool->submit($task));
    echo get_class($e), "\n";
    var_dump($e instanceof Async\AsyncException);
    echo "message: ", $e->getMessage(), "\n";
    var_dump($e->getOriginalClass(), $e->getOriginalMessage(), $e->getOriginalCode(), $e->getCode());
    var_dump($e->getOriginalFile() === $fixture,
        $e->getOriginalLine() === ($e->getOriginalClass() === 'StringCodeException' ? $stringCodeLine : $throwLine));
    $trace = $e->getOriginalTraceAsString();
    var_dump(strpos($trace, 'ThrowTask->fail()') !== false, strpos($trace, 'TestTask->run()') !== false,
        strpos($trace, 'ThrowTask->work()') !== false);
}

// An Error (not an Exception) crosses the same way.
class_exists('TypeError');
$e = outcome($pool->submit(new ThrowTask('TypeError', 'an error', 3)));
echo describe($e), "\n";
var_dump($e->getOriginalClass(), $e->getOriginalCode());

// The worker that ran them is the one from the start: a thrown exception does not cost a worker.
var_dump(wait_for($pool->submit(new PidTask())) === $pid);
echo json_encode($pool->stats()), "\n";
?>
--EXPECT--
Async\Parallel\TaskFailedException
bool(true)
message: Task ThrowTask failed in a worker: LogicException: int code
string(14) "LogicException"
string(8) "int code"
int(42)
int(42)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
Async\Parallel\TaskFailedException
bool(true)
message: Task ThrowTask failed in a worker: DomainException: multi
line message é
string(15) "DomainException"
string(21) "multi
line message é"
int(-7)
int(-7)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
Async\Parallel\TaskFailedException
bool(true)
message: Task ThrowTask failed in a worker: StringCodeException: string code
string(19) "StringCodeException"
string(11) "string code"
string(5) "HY000"
int(0)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
Async\Parallel\TaskFailedException
bool(true)
message: Task ThrowTask failed in a worker: Exception: 
string(9) "Exception"
string(0) ""
int(0)
int(0)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
Async\Parallel\TaskFailedException: Task ThrowTask failed in a worker: TypeError: an error
string(9) "TypeError"
int(3)
bool(true)
{"workers":1,"busy":0,"queued":0,"completed":2,"failed":5}
