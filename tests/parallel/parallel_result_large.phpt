--TEST--
Async\Parallel: a 64 MiB result crosses intact (length and md5); the parent's memory_limit (--INI--) applies to the workers too
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
memory_limit=1G
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 1]);
var_dump(wait_for($pool->submit(new EnvironmentTask(['memory_limit'])))['ini']['memory_limit']);

$bytes = 64 << 20;
$expected = md5((new BigResultTask($bytes))->run());
$r = wait_for($pool->submit(new BigResultTask($bytes)), 60);
var_dump(strlen($r), md5($r) === $expected);
unset($r);

// A large task goes the other way too.
$big = str_repeat(pack('N*', 1, 2, 3, 0xdeadbeef), 1 << 20); // 16 MiB
$back = wait_for($pool->submit(new ValueTask($big)), 60);
var_dump(strlen($back), $back === $big);
var_dump(wait_for($pool->submit(new DoubleTask(3))));
?>
--EXPECT--
string(2) "1G"
int(67108864)
bool(true)
int(16777216)
bool(true)
int(6)
