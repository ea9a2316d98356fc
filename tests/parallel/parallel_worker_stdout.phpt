--TEST--
Async\Parallel: what a task prints (text, binary bytes, bytes that look like a frame of the pool's protocol) goes to our stdout and does not corrupt its result
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 1]);
$value = ['result' => "intact\x00\xff", 'n' => [1, 2, 3]];
$r = wait_for($pool->submit(new NoisyTask($value)));
echo "\n--- result\n";
var_dump($r === $value);
// The next results on the same worker are fine too.
var_dump(wait_for($pool->map([new NoisyTask(1), new DoubleTask(2), new NoisyTask('x')])));
?>
--EXPECTF--
noise from the task: line 1
noise from the task: line 2
binary:0001ff
%s
====================================================================================================

--- result
bool(true)
noise from the task: line 1
noise from the task: line 2
binary:0001ff
%s
====================================================================================================
noise from the task: line 1
noise from the task: line 2
binary:0001ff
%s
====================================================================================================
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(4)
  [2]=>
  string(1) "x"
}
