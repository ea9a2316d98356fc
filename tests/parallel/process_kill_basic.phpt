--TEST--
Async\Process::kill(): SIGKILL and the default SIGTERM end the process (signal() set, exitCode() null); kill() after it exited does nothing; a bad signal number is a ValueError
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';
use Async\Process;

$p = new Process(['sleep', '30']);
$start = microtime(true);
$promise = $p->start();
pause(0.05);
var_dump($p->isRunning());
$p->kill(9);
$r = wait_for($promise);
var_dump($r->signal(), $r->exitCode(), $r->isSuccessful(), $p->isRunning(), microtime(true) - $start < 5);
$p->kill();   // gone: nothing happens
$p->kill(9);

$p = new Process(['sleep', '30']);
$promise = $p->start();
$p->kill();
$r = wait_for($promise);
var_dump($r->signal(), $r->exitCode());

// A process that handles the signal and exits on its own terms.
$p = new Process(['sh', '-c', 'trap "echo got TERM; exit 7" TERM; echo ready; while :; do sleep 0.01; done']);
$promise = $p->start();
pause(0.2);
$p->kill(15);
$r = wait_for($promise);
var_dump($r->signal(), $r->exitCode(), $r->stdout());

$p = new Process(['true']);
show_error(function () use ($p) { $p->kill(); });
$promise = $p->start();
foreach ([0, -1, 65, 1000] as $signal) {
    show_error(function () use ($p, $signal) { $p->kill($signal); });
}
var_dump(wait_for($promise)->exitCode());
var_dump(zombies());
?>
--EXPECTF--
bool(true)
int(9)
NULL
bool(false)
bool(false)
bool(true)
int(15)
NULL
NULL
int(7)
string(15) "ready
got TERM
"
Async\AsyncError: The process has not been started: call start() first
ValueError: Async\Process::kill(): Argument #1 ($signal) must be a signal number between 1 and %d
ValueError: Async\Process::kill(): Argument #1 ($signal) must be a signal number between 1 and %d
ValueError: Async\Process::kill(): Argument #1 ($signal) must be a signal number between 1 and %d
ValueError: Async\Process::kill(): Argument #1 ($signal) must be a signal number between 1 and %d
int(0)
array(0) {
}
