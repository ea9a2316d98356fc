--TEST--
Async\Promise::resolve(): an object with __call but no then() method neither crashes nor hangs
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Loop;
use Async\Promise;

// is_callable([$magic, 'then']) is true through __call. Calling it through
// __call (a thenable) or taking the object as a plain value are both fine;
// a fatal error is not.
class Magic {
    public function __call($name, $args) {
        if ($name === 'then') {
            $args[0]("resolved through __call");
        }
    }
}
$outcomes = [];
$record = function ($tag) use (&$outcomes) {
    return function ($v) use ($tag, &$outcomes) {
        $outcomes[$tag] = $v instanceof Magic || $v === "resolved through __call" ? "acceptable" : "WRONG: " . var_export($v, true);
    };
};
Promise::resolve(new Magic())->then($record("Promise::resolve()"));
Promise::resolve(1)->then(function () { return new Magic(); })->then($record("returned from then()"));
Promise::all([new Magic()])->then(function ($v) use ($record) { $record("Promise::all()")($v[0]); });
Loop::run();
ksort($outcomes);
foreach ($outcomes as $tag => $o) {
    echo "$tag: $o\n";
}
?>
--EXPECT--
Promise::all(): acceptable
Promise::resolve(): acceptable
returned from then(): acceptable
