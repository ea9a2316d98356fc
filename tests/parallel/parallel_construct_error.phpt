--TEST--
Async\Parallel::__construct(): invalid options (workers 0, an unknown option, ini not an array or not scalar, php_binary missing or not executable, bad timeouts and limits) are ValueErrors that say what is wrong
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$notExecutable = __DIR__ . '/fixtures/tasks.php';
foreach ([
    ['workers' => 0],
    ['workers' => -1],
    ['workers' => '2'],
    ['workers' => 1.5],
    ['nope' => 1],
    [5 => 1],
    ['ini' => 'precision=7'],
    ['ini' => ['precision' => [7]]],
    ['ini' => [7]],
    ['ini' => ['a=b' => 1]],
    ['ini' => ['x' => "a\nb"]],
    ['php_binary' => $notExecutable],
    ['php_binary' => __DIR__ . '/no-such-php'],
    ['php_binary' => 'no-such-php-in-path'],
    ['php_binary' => ''],
    ['task_timeout' => -1],
    ['task_timeout' => 'soon'],
    ['max_tasks_per_worker' => -1],
    ['max_queue' => 0],
] as $options) {
    show_error(function () use ($options) { new Async\Parallel($options); });
}
show_error(function () { $p = new Async\Parallel(['workers' => 1]); $p->__construct([]); });
show_error(function () { clone new Async\Parallel(['workers' => 1]); });
show_error(function () { serialize(new Async\Parallel(['workers' => 1])); });

// Valid: every option at once, php_binary found in PATH, ini values of each scalar type.
$pool = new Async\Parallel(['workers' => 1, 'bootstrap' => task_bootstrap(), 'php_binary' => basename(PHP_BINARY),
    'ini' => ['precision' => 5, 'html_errors' => true, 'serialize_precision' => '17'], 'task_timeout' => 0,
    'max_tasks_per_worker' => 0, 'max_queue' => 10]);
echo "valid\n";

// A php_binary that is an executable but not PHP: each task fails, the pool does not hang.
$pool = new Async\Parallel(['workers' => 1, 'bootstrap' => task_bootstrap(), 'php_binary' => 'false']);
echo describe(outcome($pool->submit(new DoubleTask(1)))), "\n";
?>
--EXPECTF--
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "workers" must be an integer of at least 1
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "workers" must be an integer of at least 1
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "workers" must be an integer of at least 1
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "workers" must be an integer of at least 1
ValueError: Async\Parallel::__construct(): Argument #1 ($options) has an unknown option "nope"
ValueError: Async\Parallel::__construct(): Argument #1 ($options) must be an array with option names as keys
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "ini" must be an array of setting => value
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "ini" must map setting names to single-line scalar values
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "ini" must map setting names to single-line scalar values
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "ini" must map setting names to single-line scalar values
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "ini" must map setting names to single-line scalar values
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "php_binary": cannot run "%s/fixtures/tasks.php": Permission denied
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "php_binary": cannot run "%s/no-such-php": No such file or directory
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "php_binary": cannot run "no-such-php-in-path": No such file or directory
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "php_binary" must not be empty
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "task_timeout" must be a finite number of seconds, at least 0
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "task_timeout" must be a number of seconds
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "max_tasks_per_worker" must be an integer of at least 0
ValueError: Async\Parallel::__construct(): Argument #1 ($options) option "max_queue" must be an integer of at least 1
Async\AsyncError: Async\Parallel::__construct() was already called
Error: Trying to clone an uncloneable object of class Async\Parallel
Exception: Serialization of 'Async\Parallel' is not allowed
valid
Async\Parallel\WorkerException: Worker process %d died while running task DoubleTask: exit status 1 (nothing on stderr)
