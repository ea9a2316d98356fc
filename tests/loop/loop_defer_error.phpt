--TEST--
Async\Loop::defer(): a callback that is not callable is a TypeError, and no watcher is made
--EXTENSIONS--
async
--FILE--
<?php
declare(strict_types=1); // 7.4 throws for internal functions only in strict mode
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

show_error(function () { Loop::defer('no_such_function'); });
show_error(function () { Loop::defer([new stdClass, 'nope']); });
show_error(function () { Loop::defer(42); });
var_dump(Loop::info()['defer']);
Loop::run();
echo "done\n";
?>
--EXPECTF--
TypeError: Async\Loop::defer()%svalid callback, function %sno_such_function%s not found or invalid function name
TypeError: Async\Loop::defer()%svalid callback, class %s does not have a method %snope%s
TypeError: Async\Loop::defer()%svalid callback, no array or string given
array(2) {
  ["enabled"]=>
  int(0)
  ["disabled"]=>
  int(0)
}
done
