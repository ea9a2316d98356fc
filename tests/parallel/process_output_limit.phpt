--TEST--
Async\Process: output collected into the result is bounded by memory_limit: a process that writes without end is stopped and its promise rejected with ProcessException (never a fatal error); streamed with on_stdout, the same output is fine
--EXTENSIONS--
async
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die('skip memory_limit needs the Zend allocator (USE_ZEND_ALLOC=0 here)');
?>
--INI--
memory_limit=32M
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$p = new Async\Process(['yes', 'output without end']);
$e = outcome($p->start());
echo describe($e), "\n";
var_dump($p->isRunning());

$seen = 0;
$p = new Async\Process(['head', '-c', '67108864', '/dev/zero'], ['on_stdout' => function ($chunk) use (&$seen) { $seen += strlen($chunk); }]);
$r = wait_for($p->start());
var_dump($r->exitCode(), $seen, $r->stdout());
?>
--EXPECTF--
Async\ProcessException: The stdout of "yes" outgrew memory_limit after %d bytes: it was stopped; stream it with the on_stdout option
bool(false)
int(0)
int(67108864)
string(0) ""
