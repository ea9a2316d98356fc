--TEST--
Async\Promise::all(): fulfils with every value, keys in input order even when later keys settle first; plain values; empty input
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Deferred;
use Async\Loop;
use Async\Promise;

$d = ['slow' => new Deferred(), 7 => new Deferred(), 'mid' => new Deferred()];
$input = [
    'slow' => $d['slow']->promise(),
    7 => $d[7]->promise(),
    'plain' => 'plain value',
    0 => Promise::resolve('resolved'),
    'mid' => $d['mid']->promise(),
    3 => null,
];
$all = Promise::all($input);
var_dump($all->isPending());
$all->then(function ($values) { var_dump($values); });
// Settled in the reverse of the input order.
one_per_tick(
    function () use ($d, $all) { $d[7]->resolve('seven'); },
    function () use ($d, $all) { $d['mid']->resolve('mid'); },
    function () use ($d, $all) { echo "pending before the last: ", var_export($all->isPending(), true), "\n"; $d['slow']->resolve('slow'); }
);
Loop::run();

// A list stays a list, with timers too; nothing to wait for: [].
Promise::all([later(1, 0.02), later(2, 0.01), 3])->then(function ($v) { echo json_encode($v), "\n"; });
Promise::all([])->then(function ($v) { echo "empty: ", json_encode($v), " ", gettype($v), "\n"; });
Loop::run();
?>
--EXPECT--
bool(true)
pending before the last: true
array(6) {
  ["slow"]=>
  string(4) "slow"
  [7]=>
  string(5) "seven"
  ["plain"]=>
  string(11) "plain value"
  [0]=>
  string(8) "resolved"
  ["mid"]=>
  string(3) "mid"
  [3]=>
  NULL
}
empty: [] array
[1,2,3]
