--TEST--
Async\Parallel: inside a task the async extension is loaded, the "ini" option's settings (int, string, bool) are in effect over the parent's -d settings, and the worker marker is not left in the environment
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
precision=14
default_charset=UTF-8
--FILE--
<?php
require __DIR__ . '/../inc/parallel.inc';

$pool = task_pool(['workers' => 1, 'ini' => ['precision' => 7, 'default_charset' => 'ISO-8859-1', 'html_errors' => false, 'serialize_precision' => -1]]);
var_dump(wait_for($pool->submit(new EnvironmentTask(['precision', 'default_charset', 'html_errors', 'display_errors', 'serialize_precision']))));
// The parent's settings, as run-tests.php gave them, are not changed.
var_dump(ini_get('precision'), ini_get('default_charset'));

// Without the option, the workers inherit the parent's -d settings.
$pool = task_pool(['workers' => 1]);
var_dump(wait_for($pool->submit(new EnvironmentTask(['precision', 'default_charset'])))['ini']);
?>
--EXPECT--
array(3) {
  ["async loaded"]=>
  bool(true)
  ["ini"]=>
  array(5) {
    ["precision"]=>
    string(1) "7"
    ["default_charset"]=>
    string(10) "ISO-8859-1"
    ["html_errors"]=>
    string(0) ""
    ["display_errors"]=>
    string(6) "stderr"
    ["serialize_precision"]=>
    string(2) "-1"
  }
  ["worker env marker"]=>
  bool(false)
}
string(2) "14"
string(5) "UTF-8"
array(2) {
  ["precision"]=>
  string(2) "14"
  ["default_charset"]=>
  string(5) "UTF-8"
}
