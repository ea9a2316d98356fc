--TEST--
Async\Process options cwd and env: the program runs in cwd (ours is unchanged); env replaces the whole environment (the program is still found through our PATH); without it ours is inherited
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';
use Async\Process;

$here = getcwd();
$r = wait_for((new Process(['pwd'], ['cwd' => __DIR__ . '/fixtures']))->start());
var_dump($r->stdout() === realpath(__DIR__ . '/fixtures') . "\n", getcwd() === $here);

// A relative program path is run from cwd (as proc_open() and a shell would), also when here has no such file.
$dir = __DIR__ . '/process_cwd_env.dir';
@mkdir($dir);
file_put_contents("$dir/hello.sh", "#!/bin/sh\necho hello from \"\$(pwd)\"\n");
chmod("$dir/hello.sh", 0755);
show_error(function () use ($dir) {
    $r = wait_for((new Process(['./hello.sh'], ['cwd' => $dir]))->start());
    echo str_replace(realpath(__DIR__), 'TESTS', $r->stdout());
});

/** env's output, less what valgrind adds when it runs env too (trace-children). */
function env_output(array $env): string
{
    $r = wait_for((new Process(['env'], ['env' => $env]))->start());
    return preg_replace('/^(VALGRIND_LIB|LD_PRELOAD)=.*valgrind.*\n/m', '', $r->stdout());
}
echo env_output(['FOO' => 'bar baz', 'N' => 5, 'EMPTY' => '', 'Q' => '"$x"']);
var_dump(env_output([]));

putenv('ASYNC_PROCESS_TEST_MARK=inherited value');
$r = wait_for((new Process(['sh', '-c', 'echo "$ASYNC_PROCESS_TEST_MARK"']))->start());
echo $r->stdout();
$r = wait_for((new Process(['sh', '-c', 'echo "[$ASYNC_PROCESS_TEST_MARK]"'], ['env' => ['OTHER' => '1']]))->start());
echo $r->stdout();
?>
--CLEAN--
<?php
@unlink(__DIR__ . '/process_cwd_env.dir/hello.sh');
@rmdir(__DIR__ . '/process_cwd_env.dir');
?>
--EXPECT--
bool(true)
bool(true)
hello from TESTS/process_cwd_env.dir
no exception
FOO=bar baz
N=5
EMPTY=
Q="$x"
string(0) ""
inherited value
[]
