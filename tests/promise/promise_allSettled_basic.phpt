--TEST--
Async\Promise::allSettled(): every outcome as ['status' => 'fulfilled', 'value'] or ['status' => 'rejected', 'reason'], keys in input order
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Loop;
use Async\Promise;

$errors = record_loop_errors();
$ex = new Exception("already");
function gen($ex) {
    yield 'late' => later('late value', 0.02);
    yield 'bad' => later_reject('late reason', 0.01);
    yield 5 => 'plain';
    yield 'rejected' => Promise::reject($ex);
}
Promise::allSettled(gen($ex))->then(function ($results) use ($ex) {
    foreach ($results as $k => $r) {
        echo var_export($k, true), " => ", implode(", ", array_keys($r)), ": ", $r['status'], " ";
        echo $r['status'] === 'fulfilled' ? var_export($r['value'], true) : reason($r['reason']), "\n";
    }
    echo "same reason object: ", var_export($results['rejected']['reason'] === $ex, true), "\n";
});
Promise::allSettled(new ArrayIterator([]))->then(function ($v) { echo "empty: ", json_encode($v), "\n"; });
class Aggregate implements IteratorAggregate {
    public function getIterator(): Iterator { return new ArrayIterator([Promise::reject(new Exception("r")), 1]); }
}
Promise::allSettled(new Aggregate())->then(function ($v) { echo "IteratorAggregate: ", $v[0]['status'], " ", $v[1]['status'], "\n"; });
Loop::run();
echo "loop errors: ", count($errors), "\n";
?>
--EXPECT--
empty: []
IteratorAggregate: rejected fulfilled
'late' => status, value: fulfilled 'late value'
'bad' => status, reason: rejected Exception: late reason
5 => status, value: fulfilled 'plain'
'rejected' => status, reason: rejected Exception: already
same reason object: true
loop errors: 0
