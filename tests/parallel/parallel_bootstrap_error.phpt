--TEST--
Async\Parallel option "bootstrap": a task class the worker does not know is a SerializationException that points at the option; an unreadable path is a ValueError; a bootstrap that throws fails each task with WorkerException
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

// Defined here only: the workers never see this file.
class LocalTask extends TestTask
{
    protected function work() { return 'ran'; }
}

$pool = new Async\Parallel(['workers' => 1]);
echo describe(outcome($pool->submit(new ValueTask(1)))), "\n";
$e = outcome($pool->submit(new LocalTask()));
echo describe($e), "\n";
// Not a worker death: the same worker answers again.
echo json_encode($pool->stats()), "\n";

$pool = task_pool(['workers' => 1]);
echo describe(outcome($pool->submit(new LocalTask()))), "\n";
var_dump(wait_for($pool->submit(new DoubleTask(4))));

show_error(function () { new Async\Parallel(['bootstrap' => __DIR__ . '/fixtures/no-such-file.php']); });
show_error(function () { new Async\Parallel(['bootstrap' => '']); });
show_error(function () { new Async\Parallel(['bootstrap' => ['a.php']]); });
show_error(function () { new Async\Parallel(['bootstrap' => "a\0b.php"]); });
// A directory is not a file a worker can require.
show_error(function () { new Async\Parallel(['bootstrap' => __DIR__ . '/fixtures']); });

$pool = new Async\Parallel(['workers' => 1, 'bootstrap' => __DIR__ . '/fixtures/throwing_bootstrap.php']);
$e = outcome($pool->submit(new DoubleTask(1)));
echo "--- first\n";
echo get_class($e), " ", $e->getExitCode(), "\n";
var_dump(strpos($e->getStderr(), 'Uncaught RuntimeException: this bootstrap refuses to load') !== false);
$e = outcome($pool->submit(new DoubleTask(1)));
echo "--- second\n";
echo get_class($e), " ", $e->getExitCode(), "\n";
echo json_encode($pool->stats()), "\n";
?>
--EXPECTF--
Async\Parallel\SerializationException: Task ValueTask: class ValueTask is not known in the worker: load it with the pool's "bootstrap" option (e.g. Composer's vendor/autoload.php)
Async\Parallel\SerializationException: Task LocalTask: class LocalTask is not known in the worker: load it with the pool's "bootstrap" option (e.g. Composer's vendor/autoload.php)
{"workers":1,"busy":0,"queued":0,"completed":0,"failed":2}
Async\Parallel\SerializationException: Task LocalTask: class LocalTask is not known in the worker: load it with the pool's "bootstrap" option (e.g. Composer's vendor/autoload.php)
int(8)
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "bootstrap": cannot read "%s/fixtures/no-such-file.php": No such file or directory
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "bootstrap" must not be empty
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "bootstrap" must be a string
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "bootstrap" must not contain NUL bytes
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "bootstrap": cannot read "%s/fixtures": %s directory
%AFatal error: Uncaught RuntimeException: this bootstrap refuses to load in %A
--- first
Async\Parallel\WorkerException 255
bool(true)
%AFatal error: Uncaught RuntimeException: this bootstrap refuses to load in %A
--- second
Async\Parallel\WorkerException 255
{"workers":0,"busy":0,"queued":0,"completed":0,"failed":2}
