--TEST--
Async\Parallel::map(): a promise of every result with the keys and order of the input (array, Generator, Iterator); a non-Task element is a TypeError and nothing is submitted
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 2]);

// The slow first task finishes last; the order is still the input's.
var_dump(wait_for($pool->map(['slow' => new SleepTask(0.1, 'slow'), 7 => new DoubleTask(7), 'x' => new DoubleTask(-1), 3 => new ValueTask([1])])));

function tasks() {
    yield 'first' => new DoubleTask(1);
    yield 10 => new DoubleTask(2);
    yield 'last' => new SleepTask(0.05, 'z');
}
var_dump(wait_for($pool->map(tasks())));
var_dump(wait_for($pool->map(new ArrayIterator(['a' => new DoubleTask(5)]))));
var_dump(wait_for($pool->map([])));

// A failing task rejects the whole map with its exception.
echo describe(outcome($pool->map([new DoubleTask(1), new ThrowTask('LogicException', 'second fails')]))), "\n";

$before = $pool->stats();
show_error(function () use ($pool) { $pool->map([new DoubleTask(1), 'not a task']); });
show_error(function () use ($pool) { $pool->map(['a' => new DoubleTask(1), 'b' => new stdClass()]); });
show_error(function () use ($pool) { $pool->map((function () { yield new DoubleTask(1); yield null; })()); });
show_error(function () use ($pool) { $pool->map((function () { yield new DoubleTask(1); throw new RuntimeException('generator broke'); })()); });
show_error(function () use ($pool) { $pool->map('nope'); });
echo "nothing was submitted: ", var_export($pool->stats() == $before, true), "\n";
?>
--EXPECT--
array(4) {
  ["slow"]=>
  string(4) "slow"
  [7]=>
  int(14)
  ["x"]=>
  int(-2)
  [3]=>
  array(1) {
    [0]=>
    int(1)
  }
}
array(3) {
  ["first"]=>
  int(2)
  [10]=>
  int(4)
  ["last"]=>
  string(1) "z"
}
array(1) {
  ["a"]=>
  int(10)
}
array(0) {
}
Async\Parallel\TaskFailedException: Task ThrowTask failed in a worker: LogicException: second fails
TypeError: Async\Parallel::map(): Argument #1 ($tasks) must contain only Async\Parallel\Task objects, string given
TypeError: Async\Parallel::map(): Argument #1 ($tasks) must contain only Async\Parallel\Task objects, stdClass given
TypeError: Async\Parallel::map(): Argument #1 ($tasks) must contain only Async\Parallel\Task objects, null given
RuntimeException: generator broke
TypeError: Async\Parallel::map(): Argument #1 ($tasks) must be of type Traversable|array, string given
nothing was submitted: true
