--TEST--
Async\Process::start(): argv goes to the program verbatim, without a shell (spaces, quotes, $VAR, *, empty, UTF-8); the promise resolves with a ProcessResult (pid, exit code, stdout, stderr); pid() and isRunning()
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';
use Async\Process;

$args = ['a b', '"quoted"', "it's", '$HOME', '*', '', 'é', '-n', '; echo injected'];
$p = new Process(array_merge(['printf', '%s|\n'], $args));
var_dump($p->isRunning());
$promise = $p->start();
var_dump($promise instanceof Async\Promise, $p->pid() > 0, $p->pid() !== getmypid());
$r = wait_for($promise);
echo get_class($r), "\n";
var_dump($r->stdout() === implode('', array_map(function ($a) { return "$a|\n"; }, $args)));
echo $r->stdout();
var_dump($r->exitCode(), $r->signal(), $r->stderr(), $r->isSuccessful(), $r->pid() === $p->pid(), $p->isRunning());

// Running until it has read its line: isRunning() follows it.
$p = new Process(['sh', '-c', 'read line; echo "got $line"'], ['stdin' => true]);
$promise = $p->start();
pause(0.05);
var_dump($p->isRunning());
$p->write("go\n");
$r = wait_for($promise);
var_dump($p->isRunning(), $r->stdout());

// Exit codes and both streams, kept apart.
$r = wait_for((new Process(['sh', '-c', 'echo out; echo err >&2; printf "no newline"; exit 3']))->start());
var_dump($r->exitCode(), $r->signal(), $r->stdout(), $r->stderr(), $r->isSuccessful());
$r = wait_for((new Process(['sh', '-c', 'exit 255']))->start());
var_dump($r->exitCode(), $r->isSuccessful());

// Binary output, and a program given by its path.
$r = wait_for((new Process(['/bin/sh', '-c', 'printf "\\000\\001\\377"']))->start());
var_dump(bin2hex($r->stdout()));

// Several at once; each result is its own.
$ps = [];
foreach ([3, 1, 2] as $n) {
    $ps[$n] = (new Process(['sh', '-c', "sleep 0.0$n; echo $n; exit $n"]))->start();
}
foreach (wait_for(Async\Promise::all($ps)) as $n => $r) {
    echo "$n: ", trim($r->stdout()), " exit ", $r->exitCode(), "\n";
}
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
bool(true)
Async\ProcessResult
bool(true)
a b|
"quoted"|
it's|
$HOME|
*|
|
é|
-n|
; echo injected|
int(0)
NULL
string(0) ""
bool(true)
bool(true)
bool(false)
bool(true)
bool(false)
string(7) "got go
"
int(3)
NULL
string(14) "out
no newline"
string(4) "err
"
bool(false)
int(255)
bool(false)
string(6) "0001ff"
3: 3 exit 3
1: 1 exit 1
2: 2 exit 2
