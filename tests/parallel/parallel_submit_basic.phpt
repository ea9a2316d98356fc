--TEST--
Async\Parallel::submit(): the task runs in another process and its result comes back; stats() counts queued, busy and completed tasks
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 2]);
var_dump($pool->stats());

$p = $pool->submit(new DoubleTask(21));
var_dump($p instanceof Async\Promise, $p->isPending());
echo "before the loop ran: ", json_encode($pool->stats()), "\n";
var_dump(wait_for($p));
echo "after: ", json_encode($pool->stats()), "\n";

// Values of every kind cross intact, both ways.
$o = new stdClass();
$o->list = [1, 2.5, "three", null, true, ['nested' => -4]];
$o->self = $o;
// (On a pool of its own, whose worker then collects the cycle it was sent:
// PHP release builds leave cycles to the allocator at exit, which valgrind reports.)
$cyclePool = task_pool(['workers' => 1]);
$r = wait_for($cyclePool->submit(new ValueTask($o)));
var_dump(serialize($r) === serialize($o), $r->self === $r, $r !== $o);
unset($o->self, $r->self); // nor here
var_dump(wait_for($cyclePool->submit(new GcTask())));
var_dump(wait_for($pool->submit(new ValueTask("bin\0ary\xff"))) === "bin\0ary\xff");
var_dump(wait_for($pool->submit(new ValueTask(null))), wait_for($pool->submit(new ValueTask(0.1))));

// It ran in a worker, not here.
$pid = wait_for($pool->submit(new PidTask()));
var_dump(is_int($pid) && $pid !== getmypid());

// Two at once on two workers: both busy.
$a = $pool->submit(new SleepTask(0.2, 'a'));
$b = $pool->submit(new SleepTask(0.2, 'b'));
$c = $pool->submit(new DoubleTask(1));
pause(0.1);
echo "two sleeping, one waiting: ", json_encode($pool->stats()), "\n";
var_dump(wait_for(Async\Promise::all([$a, $b, $c])));
echo "done: ", json_encode($pool->stats()), "\n";

show_error(function () use ($pool) { $pool->submit(new stdClass()); });
?>
--EXPECTF--
array(5) {
  ["workers"]=>
  int(0)
  ["busy"]=>
  int(0)
  ["queued"]=>
  int(0)
  ["completed"]=>
  int(0)
  ["failed"]=>
  int(0)
}
bool(true)
bool(true)
before the loop ran: {"workers":0,"busy":0,"queued":1,"completed":0,"failed":0}
int(42)
after: {"workers":1,"busy":0,"queued":0,"completed":1,"failed":0}
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
NULL
float(0.1)
bool(true)
two sleeping, one waiting: {"workers":2,"busy":2,"queued":1,"completed":5,"failed":0}
array(3) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "b"
  [2]=>
  int(2)
}
done: {"workers":2,"busy":0,"queued":0,"completed":8,"failed":0}
TypeError: Async\Parallel::submit()%s Async\Parallel\Task, %s given
