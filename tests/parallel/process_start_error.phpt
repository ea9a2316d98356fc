--TEST--
Async\Process::start(): a program not found, not executable, a directory, or a bad cwd throws ProcessException at once (no child exits 127); start() twice is an AsyncError; pid() before start() too
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';
use Async\Process;

$notExecutable = __DIR__ . '/fixtures/tasks.php';
foreach ([
    [['no-such-program-for-async-tests']],
    [['/nonexistent/program']],
    [[$notExecutable]],
    [[__DIR__]],
    [['true'], ['cwd' => __DIR__ . '/no-such-dir']],
    [['true'], ['cwd' => $notExecutable]],
] as $args) {
    show_error(function () use ($args) {
        $p = new Process(...$args);
        try {
            $p->start();
        } finally {
            var_dump($p->isRunning());
        }
    });
}
// Nothing was started, nothing is left.
var_dump(child_states());

$p = new Process(['true']);
show_error(function () use ($p) { $p->pid(); });
show_error(function () use ($p) { $p->closeInput(); });
$promise = $p->start();
show_error(function () use ($p) { $p->start(); });
var_dump(wait_for($promise)->exitCode());
show_error(function () use ($p) { $p->start(); });
?>
--EXPECTF--
bool(false)
Async\ProcessException: Cannot run "no-such-program-for-async-tests": No such file or directory (not found in PATH)
bool(false)
Async\ProcessException: Cannot run "/nonexistent/program": No such file or directory
bool(false)
Async\ProcessException: Cannot run "%s/fixtures/tasks.php": Permission denied
bool(false)
Async\ProcessException: Cannot run "%s/parallel": Is a directory
bool(false)
Async\ProcessException: Cannot run "true" in "%s/no-such-dir": No such file or directory
bool(false)
Async\ProcessException: Cannot run "true" in "%s/fixtures/tasks.php": not a directory
array(0) {
}
Async\AsyncError: The process has not been started: call start() first
Async\AsyncError: The process has not been started: call start() first
Async\AsyncError: The process was already started: make a new Async\Process to run it again
int(0)
Async\AsyncError: The process was already started: make a new Async\Process to run it again
