--TEST--
Async\Process option stdin: a string is written then closed; true keeps it open for write() until closeInput(); 8 MiB go through cat intact; without the option stdin is /dev/null
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';
use Async\Process;

$r = wait_for((new Process(['cat'], ['stdin' => "line 1\nline 2\n\0binary\xff"]))->start());
var_dump($r->stdout() === "line 1\nline 2\n\0binary\xff", $r->exitCode());

// More than any pipe buffer, both ways at once.
$big = '';
for ($i = 0; $i < 8 * 1024; $i++) {
    $big .= str_pad(dechex($i * 2654435761 & 0xffffffff), 1024, chr(65 + $i % 26));
}
$r = wait_for((new Process(['cat'], ['stdin' => $big]))->start(), 60);
var_dump(strlen($r->stdout()), md5($r->stdout()) === md5($big));
$r = wait_for((new Process(['wc', '-c'], ['stdin' => $big]))->start(), 60);
var_dump(trim($r->stdout()));

// Open: written as we go, closed when we say.
$p = new Process(['cat'], ['stdin' => true]);
$promise = $p->start();
$p->write("one\n");
pause(0.05);
var_dump($p->isRunning());
$p->write("two\n");
$p->write(str_repeat('x', 1 << 20) . "\n");
$p->closeInput();
show_error(function () use ($p) { $p->write('late'); });
$r = wait_for($promise, 30);
var_dump(substr($r->stdout(), 0, 8), strlen($r->stdout()), $r->exitCode());

// Written before start()? No: write() needs a started process and stdin => true.
$p = new Process(['cat'], ['stdin' => true]);
show_error(function () use ($p) { $p->write('x'); });
$p = new Process(['cat'], ['stdin' => 'given']);
$promise = $p->start();
show_error(function () use ($p) { $p->write('x'); });
var_dump(wait_for($promise)->stdout());

// The program exits without reading what we write: no error here, no SIGPIPE.
$p = new Process(['true'], ['stdin' => true]);
$promise = $p->start();
pause(0.1);
$p->write(str_repeat('y', 1 << 20));
$p->closeInput();
var_dump(wait_for($promise)->exitCode());
$r = wait_for((new Process(['sh', '-c', 'exit 0'], ['stdin' => str_repeat('z', 4 << 20)]))->start());
var_dump($r->exitCode());

// Default: /dev/null, so cat ends at once.
$r = wait_for((new Process(['cat']))->start(), 5);
var_dump($r->stdout(), $r->exitCode());
$r = wait_for((new Process(['cat'], ['stdin' => null]))->start(), 5);
var_dump($r->stdout());
$r = wait_for((new Process(['cat'], ['stdin' => '']))->start(), 5);
var_dump($r->stdout());
?>
--EXPECT--
bool(true)
int(0)
int(8388608)
bool(true)
string(7) "8388608"
bool(true)
Async\AsyncError: The process's stdin was closed with closeInput()
string(8) "one
two
"
int(1048585)
int(0)
Async\AsyncError: The process has not been started: call start() first
Async\AsyncError: The process's stdin is not open for write(): construct it with the option 'stdin' => true
string(5) "given"
int(0)
int(0)
string(0) ""
int(0)
string(0) ""
string(0) ""
