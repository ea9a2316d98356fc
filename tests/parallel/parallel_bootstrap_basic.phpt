--TEST--
Async\Parallel option "bootstrap": each worker requires it first; a bootstrap that only registers an autoloader (spl_autoload_register) gets task classes loaded on demand in the worker
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
require __DIR__ . '/fixtures/autoload_bootstrap.php';

// Here the class comes through the same autoloader.
$pool = new Async\Parallel(['workers' => 1, 'bootstrap' => __DIR__ . '/fixtures/autoload_bootstrap.php']);
$task = new AutoloadedTask('worker');
[$greeting, $files] = Async\await($pool->submit($task)->timeout(20));
echo $greeting, "\n";
// The worker loaded the bootstrap first, then the class through the autoloader.
var_dump($files);

// A relative path is resolved against the current directory at construction.
chdir(__DIR__ . '/fixtures');
$pool2 = new Async\Parallel(['workers' => 1, 'bootstrap' => 'autoload_bootstrap.php']);
chdir('/');
echo Async\await($pool2->submit(new AutoloadedTask('again'))->timeout(20))[0], "\n";
?>
--EXPECTF--
hello worker
array(3) {
  [0]=>
  string(22) "autoload_bootstrap.php"
  [1]=>
  string(18) "AutoloadedTask.php"
  [2]=>
  string(18) "task_base_php%d.php"
}
hello again
