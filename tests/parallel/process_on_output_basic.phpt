--TEST--
Async\Process options on_stdout / on_stderr: each callback gets its own stream's chunks as they come (that stream is then not collected); a callback that throws kills the process and rejects the promise with its exception
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';
use Async\Process;

// Output spread over time arrives in several chunks, in order.
$chunks = [];
$p = new Process(['sh', '-c', 'for i in 1 2 3 4 5; do echo line$i; sleep 0.05; done'],
    ['on_stdout' => function ($chunk) use (&$chunks) { $chunks[] = $chunk; }]);
$r = wait_for($p->start());
var_dump(count($chunks) >= 3, implode('', $chunks), $r->stdout(), $r->exitCode());

// on_stdout only: stderr is still collected.
$out = '';
$r = wait_for((new Process(['sh', '-c', 'echo to-out; echo to-err >&2'],
    ['on_stdout' => function ($c) use (&$out) { $out .= $c; }]))->start());
var_dump($out, $r->stdout(), $r->stderr());

// on_stderr only: stdout is still collected.
$err = '';
$r = wait_for((new Process(['sh', '-c', 'echo to-out; echo to-err >&2'],
    ['on_stderr' => function ($c) use (&$err) { $err .= $c; }]))->start());
var_dump($err, $r->stdout(), $r->stderr());

// Both: each stream to its own callback.
$log = [];
$r = wait_for((new Process(['sh', '-c', 'echo a; sleep 0.05; echo b >&2; sleep 0.05; echo c'], [
    'on_stdout' => function ($c) use (&$log) { $log[] = "out: $c"; },
    'on_stderr' => function ($c) use (&$log) { $log[] = "err: $c"; },
]))->start());
echo implode('', $log);
var_dump($r->stdout(), $r->stderr());

// Any callable: a method, a static method name, a first-class callable.
class Sink
{
    public static $got = '';
    public function take(string $c): void { self::$got .= $c; }
    public static function keep(string $c): void { self::$got .= strtoupper($c); }
}
wait_for((new Process(['echo', 'method'], ['on_stdout' => [new Sink(), 'take']]))->start());
wait_for((new Process(['echo', 'static'], ['on_stdout' => 'Sink::keep']))->start());
var_dump(Sink::$got);

// A throwing callback: the long-running process is killed, its promise rejected with the exception.
$start = microtime(true);
$calls = 0;
$p = new Process(['sh', '-c', 'echo first; sleep 0.2; echo second; exec sleep 30'], ['on_stdout' => function ($c) use (&$calls) {
    $calls++;
    throw new DomainException('callback refuses: ' . trim($c));
}]);
$promise = $p->start();
$pid = $p->pid();
$e = outcome($promise);
echo describe($e), "\n";
var_dump($calls, microtime(true) - $start < 5, $p->isRunning(), process_alive($pid));
var_dump(zombies());
?>
--EXPECT--
bool(true)
string(30) "line1
line2
line3
line4
line5
"
string(0) ""
int(0)
string(7) "to-out
"
string(0) ""
string(7) "to-err
"
string(7) "to-err
"
string(7) "to-out
"
string(0) ""
out: a
err: b
out: c
string(0) ""
string(0) ""
string(14) "method
STATIC
"
DomainException: callback refuses: first
int(1)
bool(true)
bool(false)
bool(false)
array(0) {
}
