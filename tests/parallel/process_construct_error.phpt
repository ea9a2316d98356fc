--TEST--
Async\Process::__construct(): an empty or bad command, unknown or invalid options (env, stdin, on_stdout, cwd) are ValueError/TypeError with the reason; the objects cannot be cloned or built by hand
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Process;

foreach ([
    [[]],
    [['']],
    [['echo', ['nested']]],
    [['echo', null]],
    [["ec\0ho"]],
    [['echo'], ['nope' => 1]],
    [['echo'], [0 => 1]],
    [['echo'], ['env' => 'A=b']],
    [['echo'], ['env' => ['A=B' => 'c']]],
    [['echo'], ['env' => [1 => 'c']]],
    [['echo'], ['env' => ['' => 'c']]],
    [['echo'], ['env' => ['A' => null]]],
    [['echo'], ['env' => ['A' => "x\0y"]]],
    [['echo'], ['stdin' => 5]],
    [['echo'], ['stdin' => false]],
    [['echo'], ['stdin' => ['x']]],
    [['echo'], ['on_stdout' => 'no_such_function_here']],
    [['echo'], ['on_stderr' => 42]],
    [['echo'], ['cwd' => 5]],
    [['echo'], ['cwd' => '']],
] as $args) {
    show_error(function () use ($args) { new Process(...$args); });
}
// Numbers in argv and env are taken as strings.
$r = Async\await((new Process(['echo', 42, 1.5], ['env' => ['N' => 7]]))->start());
echo $r->stdout();
show_error(function () { $p = new Process(['echo']); $p->__construct(['echo']); });
show_error(function () { clone new Process(['echo']); });
show_error(function () { serialize(new Process(['echo'])); });
show_error(function () { new Async\ProcessResult(); });
?>
--EXPECTF--
ValueError: Async\Process::__construct(): Argument #1 ($command) must not be empty: give [program, arg, ...]
ValueError: Async\Process::__construct(): Argument #1 ($command) must start with a program name, not an empty string
TypeError: Async\Process::__construct(): Argument #1 ($command) must hold only strings as program and arguments, array given
TypeError: Async\Process::__construct(): Argument #1 ($command) must hold only strings as program and arguments, null given
ValueError: Async\Process::__construct(): Argument #1 ($command) must not contain NUL bytes in program and arguments
ValueError: Async\Process::__construct(): Argument #2 ($options) has an unknown option "nope"
ValueError: Async\Process::__construct(): Argument #2 ($options) must be an array with option names as keys
ValueError: Async\Process::__construct(): Argument #2 ($options) option "env" must be an array of name => value
ValueError: Async\Process::__construct(): Argument #2 ($options) option "env" must map variable names (without "=") to values
ValueError: Async\Process::__construct(): Argument #2 ($options) option "env" must map variable names (without "=") to values
ValueError: Async\Process::__construct(): Argument #2 ($options) option "env" must map variable names (without "=") to values
TypeError: Async\Process::__construct(): Argument #2 ($options) must hold only strings as values of option "env", null given
ValueError: Async\Process::__construct(): Argument #2 ($options) must not contain NUL bytes in values of option "env"
ValueError: Async\Process::__construct(): Argument #2 ($options) option "stdin" must be a string (written, then closed), true (kept open for write()) or null
ValueError: Async\Process::__construct(): Argument #2 ($options) option "stdin" must be a string (written, then closed), true (kept open for write()) or null
ValueError: Async\Process::__construct(): Argument #2 ($options) option "stdin" must be a string (written, then closed), true (kept open for write()) or null
TypeError: Async\Process::__construct(): Argument #2 ($options) option "on_stdout" must be a callable
TypeError: Async\Process::__construct(): Argument #2 ($options) option "on_stderr" must be a callable
ValueError: Async\Process::__construct(): Argument #2 ($options) option "cwd" must be a string
ValueError: Async\Process::__construct(): Argument #2 ($options) option "cwd" must not be empty
42 1.5
Async\AsyncError: Async\Process::__construct() was already called
Error: Trying to clone an uncloneable object of class Async\Process
Exception: Serialization of 'Async\Process' is not allowed
Error: Call to private Async\ProcessResult::__construct() from %s
